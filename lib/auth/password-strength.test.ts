import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength";

describe("passwordProblem", () => {
  it("refuses common and guessable passwords, in plain words", () => {
    for (const password of ["password1234", "qwertyuiop123", "1234567890", "iloveyou2026", "portcheck2026!"]) {
      expect(passwordProblem(password), password).toMatch(/^This password is too easy to guess\./);
    }
  });

  it("counts the person's e-mail and name as guessable", () => {
    expect(passwordProblem("Xqzvkwplmnbr")).toBeNull();
    expect(passwordProblem("Xqzvkwplmnbr", ["xqzvkwplmnbr@example.com", "Some Name"])).not.toBeNull();
  });

  it("accepts long, unrelated passphrases", () => {
    for (const password of ["correct horse battery staple", "a long enough passphrase", "tiny-violet-harbor-92-kettle"]) expect(passwordProblem(password), password).toBeNull();
  });
});
