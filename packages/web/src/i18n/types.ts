/**
 * A translation of a dictionary: the same keys, every leaf a string. Writing the Chinese dictionary
 * against this type makes a missing or extra key a compile error.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};
