// Passwords must not be common or guessable: zxcvbn's estimate (its dictionaries ship with the package;
// nothing is fetched), with the person's e-mail and name counted as guessable words. Pure.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** zxcvbn's 0-4 scale; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

/** Null when the password is strong enough, else what is wrong with it in plain words. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  const inputs = ["portcheck", ...userInputs.flatMap((input) => [input, ...input.split(/[@.\s_+-]+/)]).map((word) => word.toLowerCase()).filter((word) => word.length >= 3)];
  const result = estimator().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, ".")} ` : "";
  const hint = result.feedback.suggestions[0] ?? "Add a few more words or characters that do not belong together.";
  return `This password is too easy to guess. ${why}${hint}`;
}
