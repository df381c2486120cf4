/** What routes call for documents: the operations bound to the portal's database, storage and scanner. */
import { getDb } from "~db/client";
import type { FileReceiver } from "~/utils/upload-form.server";
import * as documents from "./documents.server";
import type { StagedUpload } from "./documents.server";

const deps = () => documents.depsFromEnv();

/** Stores each file of a form as it streams in; discards those no document took. */
function receiver(): FileReceiver<StagedUpload> {
  const d = deps();
  return {
    receive: (part) => documents.stageUpload(d, part),
    discard: (staged) => documents.discardStaged(getDb(), d, staged),
  };
}

export const documentsService = {
  receiver,
  maxBytes: () => deps().maxBytes,
  discard: (staged: StagedUpload[]) => Promise.all(staged.map((s) => documents.discardStaged(getDb(), deps(), s))).then(() => undefined),
  submitFilePage: (...args: Parameters<typeof documents.submitFilePage> extends [unknown, unknown, ...infer A] ? A : never) => documents.submitFilePage(getDb(), deps(), ...args),
  download: (...args: Parameters<typeof documents.download> extends [unknown, unknown, ...infer A] ? A : never) => documents.download(getDb(), deps(), ...args),
};

export { DocumentInfected } from "./documents.server";
export type { StagedUpload } from "./documents.server";
