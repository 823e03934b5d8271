import { useProblemFields } from './use-problem-fields.js';
import { useState } from 'react';
import { mergeListErrors, withoutEdited } from './form-problem.js';

export interface FormProblem {
  /** the field errors still true: `{ field: message }` for the inputs' `error` prop. */
  fields: Record<string, string>;
  /** call from a field's onChange: its error goes away. */
  edited: (field: string) => void;
  /** the error when no field holds it (for ProblemAlert), else null. */
  unplaced: unknown;
}

/**
 * A form's view of a mutation's problem: useProblemFields (with `codeFields` for problems about
 * one input that name none, and `lists` whose items' errors go next to the list's input), minus
 * the fields edited since. `codeFields` and `lists` should be module constants.
 */
export function useFormProblem(error: unknown, codeFields?: Readonly<Record<string, string>>, lists: readonly string[] = []): FormProblem {
  const all = mergeListErrors(useProblemFields(error, codeFields), lists);
  const [edits, setEdits] = useState<{ error: unknown; fields: ReadonlySet<string> }>({ error, fields: new Set() });
  const edited = edits.error === error ? edits.fields : new Set<string>();
  return {
    fields: withoutEdited(all, edited),
    edited: (field) => {
      if (all[field] !== undefined && !edited.has(field)) setEdits({ error, fields: new Set([...edited, field]) });
    },
    unplaced: Object.keys(all).length === 0 ? error : null,
  };
}
