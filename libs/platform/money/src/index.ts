export const x = 1n;
