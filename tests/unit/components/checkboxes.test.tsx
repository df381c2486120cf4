/** Checkboxes against govuk-frontend's `checkboxes` fixtures. */
import { Checkboxes, type CheckboxesProps } from "~/components/checkboxes";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

const TEXTAREA_FIXTURE = "textarea in conditional";

describe("Checkboxes", () => {
  const fixtures = itRendersEveryFixture("checkboxes", Checkboxes, {
    nestedHtml: ["html"],
    unsupported: {
      // The component renders this fixture (tested below); only the React-node replay cannot: the test's
      // `<Html>` stand-in for React content sets a top-level <textarea>'s content as inner HTML, which React
      // refuses ("`dangerouslySetInnerHTML` does not make sense on <textarea>").
      [TEXTAREA_FIXTURE]: "React-node replay only: <Html> cannot render a top-level <textarea>",
    },
  });

  it(`renders fixture ${TEXTAREA_FIXTURE} (html option as a string)`, () => {
    const fixture = fixtures.find((f) => f.name === TEXTAREA_FIXTURE)!;
    expectSameHtml(render(<Checkboxes {...(fixture.options as unknown as CheckboxesProps)} />), fixture.html);
  });

  it("checks items by values (strictly), reveals their React conditional content and marks exclusive items", () => {
    expectSameHtml(
      render(
        <Checkboxes
          name="needs"
          values={["braille", 2]}
          items={[
            { value: "braille", text: "Braille", conditional: { html: <textarea name="details" defaultValue="Grade 2" /> } },
            { value: "2", text: "Two as a string" },
            { divider: "or" },
            { value: "none", text: "None", behaviour: "exclusive" },
          ]}
        />
      ),
      '<div class="govuk-form-group"><div class="govuk-checkboxes" data-module="govuk-checkboxes">' +
        '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="needs" name="needs" type="checkbox" value="braille" checked data-aria-controls="conditional-needs">' +
        '<label class="govuk-label govuk-checkboxes__label" for="needs">Braille</label></div>' +
        '<div class="govuk-checkboxes__conditional" id="conditional-needs"><textarea name="details">Grade 2</textarea></div>' +
        '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="needs-2" name="needs" type="checkbox" value="2">' +
        '<label class="govuk-label govuk-checkboxes__label" for="needs-2">Two as a string</label></div>' +
        '<div class="govuk-checkboxes__divider">or</div>' +
        '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="needs-4" name="needs" type="checkbox" value="none" data-behaviour="exclusive">' +
        '<label class="govuk-label govuk-checkboxes__label" for="needs-4">None</label></div>' +
        "</div></div>"
    );
  });

  it("puts describedBy, hint and error ids on the fieldset when there is one, not on the checkboxes", () => {
    expectSameHtml(
      render(
        <Checkboxes
          name="n"
          describedBy="extra"
          fieldset={{ legend: { text: "Legend", isPageHeading: true } }}
          errorMessage={{ text: "Error" }}
          formGroup={{ beforeInputs: { html: <b>Before</b> }, afterInputs: { text: "After" } }}
          items={[{ value: "a", text: "A", hint: { text: "Hint" } }]}
        />
      ),
      '<div class="govuk-form-group govuk-form-group--error"><fieldset class="govuk-fieldset" aria-describedby="extra n-error">' +
        '<legend class="govuk-fieldset__legend"><h1 class="govuk-fieldset__heading">Legend</h1></legend>' +
        '<p id="n-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Error</p>' +
        '<div class="govuk-checkboxes" data-module="govuk-checkboxes"><b>Before</b>' +
        '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="n" name="n" type="checkbox" value="a" aria-describedby="n-item-hint">' +
        '<label class="govuk-label govuk-checkboxes__label" for="n">A</label>' +
        '<div id="n-item-hint" class="govuk-hint govuk-checkboxes__hint">Hint</div></div>' +
        "After</div></fieldset></div>"
    );
  });
});
