/**
 * The framework floor for `npm run bench:http`: the smallest page Remix can render inside our root layout.
 * Registered only in the benchmark build (BENCH_BUILD=1 in remix.config.js), never in the portal's.
 */
import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Floor" }];

export default function Floor() {
  return <h1 className="govuk-heading-xl">Floor</h1>;
}
