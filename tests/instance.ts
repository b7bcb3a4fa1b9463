// Names that let several copies of the test suite run side by side on one machine (separate work
// trees): PORTCHECK_TEST_INSTANCE=a gives databases portcheck_test_a / portcheck_e2e_a, Redis
// prefixes portcheck-a-test / portcheck-a-e2e (and -faults for the fault suite) and another e2e port. Unset, the names are the usual ones.
const instance = (process.env.PORTCHECK_TEST_INSTANCE ?? "").toLowerCase();
if (instance && !/^[a-z0-9]{1,12}$/.test(instance)) throw new Error("PORTCHECK_TEST_INSTANCE must be 1-12 letters or digits.");
const offset = instance ? 1 + ([...instance].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 90) : 0;

export const TEST_INSTANCE = {
  unitDatabase: instance ? `portcheck_test_${instance}` : "portcheck_test",
  unitPrefix: instance ? `portcheck-${instance}-test` : "portcheck-test",
  e2eDatabase: instance ? `portcheck_e2e_${instance}` : "portcheck_e2e",
  e2ePrefix: instance ? `portcheck-${instance}-e2e` : "portcheck-e2e",
  e2ePort: 3199 + offset * 7,
  faultsDatabase: instance ? `portcheck_faults_${instance}` : "portcheck_faults",
  faultsPrefix: instance ? `portcheck-${instance}-faults` : "portcheck-faults",
};
