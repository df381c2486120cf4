/**
 * The hint and error message every form field renders the same way (as the Nunjucks templates do): each
 * gets an id from the field's id (or id prefix), which is added to the field's aria-describedby.
 */
import type { ReactNode } from "react";

import { ErrorMessage, type ErrorMessageProps } from "./error-message";
import { Hint, type HintProps } from "./hint";

export function hintAndError(
  id: string,
  hint: Omit<HintProps, "id" | "children"> | null | false | undefined,
  errorMessage: Omit<ErrorMessageProps, "id" | "children"> | null | false | undefined,
  describedBy: string,
): { hintElement: ReactNode; errorElement: ReactNode; describedBy: string } {
  let hintElement: ReactNode = null;
  if (hint) {
    const hintId = `${id}-hint`;
    describedBy = describedBy ? `${describedBy} ${hintId}` : hintId;
    hintElement = <Hint id={hintId} classes={hint.classes} attributes={hint.attributes} html={hint.html} text={hint.text} />;
  }
  let errorElement: ReactNode = null;
  if (errorMessage) {
    const errorId = `${id}-error`;
    describedBy = describedBy ? `${describedBy} ${errorId}` : errorId;
    errorElement = (
      <ErrorMessage
        id={errorId}
        classes={errorMessage.classes}
        attributes={errorMessage.attributes}
        html={errorMessage.html}
        text={errorMessage.text}
        visuallyHiddenText={errorMessage.visuallyHiddenText}
      />
    );
  }
  return { hintElement, errorElement, describedBy };
}
