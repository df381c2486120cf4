/** Radios against govuk-frontend's `radios` fixtures. */
import { Radios, type RadiosProps } from "~/components/radios";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

const TEXTAREA_FIXTURE = "textarea in conditional";

describe("Radios", () => {
  const fixtures = itRendersEveryFixture("radios", Radios, {
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
    expectSameHtml(render(<Radios {...(fixture.options as unknown as RadiosProps)} />), fixture.html);
  });

  it("renders React content in a conditional, revealed when the item is checked by value", () => {
    expectSameHtml(
      render(
        <Radios
          name="contact"
          value="email"
          items={[
            { value: "email", text: "Email", conditional: { html: <textarea name="address" defaultValue="a@b.c" /> } },
            { value: "phone", text: "Phone" },
          ]}
        />
      ),
      '<div class="govuk-form-group"><div class="govuk-radios" data-module="govuk-radios">' +
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="contact" name="contact" type="radio" value="email" checked data-aria-controls="conditional-contact">' +
        '<label class="govuk-label govuk-radios__label" for="contact">Email</label></div>' +
        '<div class="govuk-radios__conditional" id="conditional-contact"><textarea name="address">a@b.c</textarea></div>' +
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="contact-2" name="contact" type="radio" value="phone">' +
        '<label class="govuk-label govuk-radios__label" for="contact-2">Phone</label></div>' +
        "</div></div>"
    );
  });

  it("compares value loosely, as Nunjucks' ==", () => {
    expectSameHtml(
      render(<Radios name="n" value="2" items={[{ value: 1, text: "One" }, { value: 2, text: "Two" }]} />),
      '<div class="govuk-form-group"><div class="govuk-radios" data-module="govuk-radios">' +
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="n" name="n" type="radio" value="1">' +
        '<label class="govuk-label govuk-radios__label" for="n">One</label></div>' +
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="n-2" name="n" type="radio" value="2" checked>' +
        '<label class="govuk-label govuk-radios__label" for="n-2">Two</label></div>' +
        "</div></div>"
    );
  });

  it("renders beforeInputs and afterInputs inside the radios container, and its own attributes win", () => {
    expectSameHtml(
      render(
        <Radios
          name="n"
          formGroup={{ beforeInputs: { text: "Before" }, afterInputs: { html: "<p>After</p>" } }}
          attributes={{ class: "ignored", "data-module": "app-radios" }}
          items={[{ value: "a", text: "A", attributes: { id: "ignored", checked: { value: true, optional: true }, "aria-describedby": "x" } }]}
        />
      ),
      '<div class="govuk-form-group"><div class="govuk-radios" data-module="app-radios">Before' +
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="n" name="n" type="radio" value="a" checked aria-describedby="x">' +
        '<label class="govuk-label govuk-radios__label" for="n">A</label></div>' +
        "<p>After</p></div></div>"
    );
  });
});
