import { formatLondonDateTime } from "~/domain/shared/time";

interface Entry {
  id: number;
  kind: "advice" | "reply";
  at: string;
  who: string;
  body: string;
}

/** The conversation between a group and its Community Coordinator, oldest first. */
export function AdviceThread({ thread, adviceFrom, replyFrom }: { thread: Entry[]; adviceFrom: string; replyFrom: string }) {
  if (thread.length === 0) return <p className="govuk-body">No advice yet.</p>;
  return (
    <ol className="govuk-list app-advice-thread">
      {thread.map((e) => (
        <li key={e.id} className="app-note" id={`comment-${e.id}`}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{e.who}</strong> ({e.kind === "advice" ? adviceFrom : replyFrom}), {formatLondonDateTime(e.at)}
          </p>
          {e.body.split("\n").map((line, i) => (
            <p key={i} className="govuk-body govuk-!-margin-bottom-1">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
