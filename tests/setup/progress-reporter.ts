// A line when each test file starts, with the time: the default reporter speaks only when a file ends, so a
// file that hangs would otherwise leave no trace of which one it was.
import type { Reporter, TestModule } from "vitest/node";

export default class ProgressReporter implements Reporter {
  onTestModuleStart(testModule: TestModule): void {
    process.stdout.write(`  ▶ ${new Date().toISOString().slice(11, 19)} ${testModule.moduleId.replace(`${process.cwd()}/`, "")}\n`);
  }
}
