/** What the global setup hands every test file of a run (`inject('testRun')`). */
export interface TestRun {
  /** This run's own temporary folder: the shared books are built here, once. */
  dir: string;
  /**
   * A copy of the repository's sample book, whose layout cache (`build/.cache`) every build of
   * the sample in this run shares: never the repository's own.
   */
  sample: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: TestRun;
  }
}
