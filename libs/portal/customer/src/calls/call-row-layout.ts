/**
 * How tall a call row is, by layout. The virtual list positions rows by this height (it never
 * measures them, so 100 000 rows cost nothing to lay out): it must fit the row's lines exactly.
 * - two lines (wider screens): when and cost; number, where, duration and status — 60 px.
 * - three lines (a phone, < 36em): the place name gets a line of its own under the number, since
 *   beside it a 390 px row left the place ~6 characters ("United Kingdo…", "Destin…") — 80 px.
 */
export function callRowHeightPx(stacked: boolean): number {
  return stacked ? 80 : 60;
}
