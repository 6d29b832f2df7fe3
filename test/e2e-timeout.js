// End-to-end files start every process: on a busy 2-core machine loading one service's modules
// alone can take 20 s, so their hooks and tests get more room than unit and medium tests.
jest.setTimeout(180_000);
