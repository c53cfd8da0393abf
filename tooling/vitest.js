// The test preset every package shares: node environment, one summary line a run.
import { appendFileSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vitest/config';

/** A reporter that ends the run with `<label>: N passed, N failed[, N skipped]`. */
export class CountReporter {
  constructor(label) {
    this.label = label;
  }
  onTestRunEnd(testModules) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (mod.state() === 'failed' && ![...mod.children.allTests()].length) counts.failed++;
    }
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    console.log(`\n${this.label}: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
    const summary = process.env.VIDINFRA_TEST_SUMMARY;
    if (summary) appendFileSync(summary, `${JSON.stringify({ label: this.label, ...counts })}\n`);
  }
}

export function testPreset(label, overrides = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        environment: 'node',
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        reporters: ['default', new CountReporter(label)],
        testTimeout: 20_000,
        hookTimeout: 30_000,
      },
    }),
    overrides,
  );
}
