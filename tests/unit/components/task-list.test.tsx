/** TaskList against govuk-frontend's `task-list` fixtures. */
import { TaskList } from "~/components/task-list";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("TaskList", () => {
  itRendersEveryFixture("task-list", TaskList, { nestedHtml: ["html"] });

  it("renders a hint without a link, and a status without content", () => {
    expectSameHtml(
      render(<TaskList idPrefix="t" items={[{ title: { text: "Task" }, hint: { html: <b>Soon</b> } }]} />),
      '<ul class="govuk-task-list"><li class="govuk-task-list__item"><div class="govuk-task-list__name-and-hint"><div>Task</div>' +
        '<div id="t-1-hint" class="govuk-task-list__hint"><b>Soon</b></div></div>' +
        '<div class="govuk-task-list__status" id="t-1-status"></div></li></ul>'
    );
  });
});
