// Judges the vitest JSON reports of the CI test passes and prints the summary.
// The very last line it prints is `N passed, N failed`, summed over all passes.
// Exits 1 when anything failed, was skipped, or ran no test.
//
// Usage: node .ci/summarize.mjs --out DIR --pass NAME=EXIT [--pass ...] [--check NAME=EXIT ...]
//   --pass   a test pass whose report is DIR/NAME.json; EXIT is vitest's exit status
//   --check  another CI step (lint, typecheck) and its exit status
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const MAX_LISTED = 20;

function parseNamedStatus(spec) {
  const at = spec.lastIndexOf("=");
  if (at <= 0) {
    throw new Error(`expected NAME=EXIT, got "${spec}"`);
  }
  return { name: spec.slice(0, at), exitCode: Number(spec.slice(at + 1)) };
}

function readReport(file) {
  if (!existsSync(file)) {
    return { error: `report missing: ${file}` };
  }
  try {
    return { report: JSON.parse(readFileSync(file, "utf8")) };
  } catch (err) {
    return { error: `report unreadable: ${file}: ${err.message}` };
  }
}

function listTests(report, statuses) {
  const names = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (statuses.includes(test.status)) {
        names.push(`${test.status}: ${test.fullName}`);
      }
    }
  }
  return names;
}

// Test files that failed outside any test (an import error, a crash in a hook).
function brokenFiles(report) {
  return (report.testResults ?? [])
    .filter((f) => f.status === "failed")
    .filter((f) => !(f.assertionResults ?? []).some((t) => t.status === "failed"))
    .map((f) => `file failed: ${f.name}${f.message ? ` (${f.message.split("\n")[0]})` : ""}`);
}

function judgePass({ name, exitCode }, outDir) {
  const file = path.join(outDir, `${name}.json`);
  const { report, error } = readReport(file);
  if (error) {
    // A missing report counts as one failure so the totals cannot look clean.
    return { name, passed: 0, failed: 1, problems: [error], details: [] };
  }
  const broken = brokenFiles(report);
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + broken.length;
  const pending = report.numPendingTests ?? 0;
  const todo = report.numTodoTests ?? 0;
  const total = report.numTotalTests ?? 0;
  const problems = [];
  if (exitCode !== 0) {
    problems.push(`vitest exited ${exitCode}`);
  }
  if (report.success === false) {
    problems.push("vitest reported success: false");
  }
  if (failed > 0) {
    problems.push(`${failed} failed`);
  }
  if (pending > 0) {
    problems.push(`${pending} skipped`);
  }
  if (todo > 0) {
    problems.push(`${todo} todo`);
  }
  if (total === 0) {
    problems.push("no test ran");
  }
  const details = [...listTests(report, ["failed", "skipped", "pending", "todo"]), ...broken];
  const counts = `${total} tests: ${passed} passed, ${failed} failed, ${pending} skipped, ${todo} todo`;
  return { name, passed, failed, problems, details, counts };
}

function printPass(result) {
  const verdict = result.problems.length ? `FAIL (${result.problems.join("; ")})` : "ok";
  console.log(`pass ${result.name}: ${result.counts ?? "no report"} -> ${verdict}`);
  for (const line of result.details.slice(0, MAX_LISTED)) {
    console.log(`    ${line}`);
  }
  if (result.details.length > MAX_LISTED) {
    console.log(`    ... and ${result.details.length - MAX_LISTED} more`);
  }
}

function main() {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: ".ci/out" },
      pass: { type: "string", multiple: true, default: [] },
      check: { type: "string", multiple: true, default: [] },
    },
  });
  if (values.pass.length === 0) {
    throw new Error("at least one --pass NAME=EXIT is required");
  }

  let ok = true;
  for (const check of values.check.map(parseNamedStatus)) {
    const good = check.exitCode === 0;
    ok &&= good;
    console.log(`check ${check.name}: ${good ? "ok" : `FAIL (exited ${check.exitCode})`}`);
  }

  let passed = 0;
  let failed = 0;
  for (const spec of values.pass.map(parseNamedStatus)) {
    const result = judgePass(spec, values.out);
    printPass(result);
    ok &&= result.problems.length === 0;
    passed += result.passed;
    failed += result.failed;
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = ok ? 0 : 1;
}

main();
