/** PasswordInput against govuk-frontend's `password-input` fixtures. */
import { PasswordInput } from "~/components/password-input";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("PasswordInput", () => {
  itRendersEveryFixture("password-input", PasswordInput, { nestedHtml: ["html"] });

  it("adds form group attributes (without overriding data-module) and puts afterInput after the button", () => {
    expectSameHtml(
      render(
        <PasswordInput
          name="password"
          label={{ text: "Password" }}
          autocomplete="new-password"
          button={{ classes: "app-toggle" }}
          formGroup={{ classes: "app-group", attributes: { "data-x": "1", "data-module": "other" }, afterInput: { text: "After" } }}
        />
      ),
      '<div class="govuk-form-group govuk-password-input app-group" data-module="govuk-password-input" data-x="1">' +
        '<label class="govuk-label" for="password">Password</label>' +
        '<div class="govuk-input__wrapper govuk-password-input__wrapper">' +
        '<input class="govuk-input govuk-password-input__input govuk-js-password-input-input" id="password" name="password" type="password" spellcheck="false" autocomplete="new-password" autocapitalize="none">' +
        '<button type="button" class="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle app-toggle" data-module="govuk-button" aria-controls="password" aria-label="Show password" hidden>Show</button>' +
        "After</div></div>"
    );
  });
});
