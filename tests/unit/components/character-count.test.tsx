/** CharacterCount against govuk-frontend's `character-count` fixtures. */
import { CharacterCount } from "~/components/character-count";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("CharacterCount", () => {
  itRendersEveryFixture("character-count", CharacterCount, { nestedHtml: ["html"] });

  it("adds form group attributes without overriding its own, and puts afterInput after the count message", () => {
    expectSameHtml(
      render(
        <CharacterCount
          name="a"
          label={{ text: "A" }}
          maxwords={20}
          threshold={50}
          value="Some words"
          textareaDescriptionText="Up to %{count} words (%{count})"
          formGroup={{
            classes: "app-group",
            attributes: { "data-x": "1", "data-module": "other", "data-maxwords": "5" },
            beforeInput: { text: "Before" },
            afterInput: { html: "<p>After</p>" },
          }}
        />
      ),
      '<div class="govuk-form-group govuk-character-count app-group" data-module="govuk-character-count" data-maxwords="20" data-threshold="50" data-count-type="words" data-x="1">' +
        '<label class="govuk-label" for="a">A</label>Before' +
        '<textarea class="govuk-textarea govuk-js-character-count" id="a" name="a" rows="5" aria-describedby="a-info">Some words</textarea>' +
        '<div id="a-info" class="govuk-hint govuk-character-count__message">Up to 20 words (20)</div><p>After</p></div>'
    );
  });
});
