/**
 * GOV.UK Frontend Character count (`govukCharacterCount` macro, govuk-frontend 6.6.0
 * `components/character-count/template.njk`): a Textarea with a count message under it.
 *
 * Without JavaScript it is a plain textarea followed by the description the template renders ("You can enter
 * up to 10 characters"), which the textarea's `aria-describedby` references (`<id>-info`). govuk-frontend's
 * `CharacterCount` module, started by `data-module="govuk-character-count"` on the form group, reads the
 * limit (`data-maxlength` / `data-maxwords`), `data-threshold`, `data-count-type` and the `*Text` options (as
 * `data-i18n.*` attributes) from there and turns the message into a live count.
 */
import { parseAttributeString, type AttributeOptions, type AttributeValue, type Attributes } from "./attributes";
import { Hint } from "./hint";
import { renderHtml } from "./html";
import {
  Textarea,
  type TextareaErrorMessage,
  type TextareaFormGroupContent,
  type TextareaHint,
  type TextareaLabel,
} from "./textarea";

/** Translations by plural rule (`{ one: "One character to go", other: "%{count} characters to go" }`). */
export type PluralisedText = Readonly<Record<string, string>>;

export interface CharacterCountFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group (the component's own `data-*` attributes win over them). */
  attributes?: Attributes;
  /** Content just before the textarea. */
  beforeInput?: TextareaFormGroupContent;
  /** Content after the count message. */
  afterInput?: TextareaFormGroupContent;
}

export interface CharacterCountProps {
  /** `name` of the textarea, sent with the form. */
  name: string;
  /** `id` of the textarea. Defaults to `name`. */
  id?: string;
  /** Number of visible text lines. Defaults to 5. */
  rows?: number | string;
  /** The textarea's initial content. */
  value?: string | number;
  /** Maximum number of characters (`data-maxlength`). Give this or `maxwords`, or set the limit in JavaScript. */
  maxlength?: number | string;
  /** Maximum number of words (`data-maxwords`); wins over `maxlength` in the description. */
  maxwords?: number | string;
  /** Percentage of the limit at which the live count is shown (`data-threshold`). */
  threshold?: number | string;
  /**
   * What to count (`data-count-type`): `"words"`, `"characters"` (grapheme clusters) or `"length"` (code
   * units). Defaults to `"words"` when `maxwords` is given.
   */
  countType?: "words" | "characters" | "length" | (string & {});
  /** The label. */
  label: TextareaLabel;
  /** A hint, under the label. */
  hint?: TextareaHint | null | false;
  /** An error message, under the hint. Falsy for none. */
  errorMessage?: TextareaErrorMessage | null | false;
  /** Options for the form group. */
  formGroup?: CharacterCountFormGroup;
  /** Sets `spellcheck="true"` or `"false"` on the textarea; left out when not a boolean. */
  spellcheck?: boolean;
  /** Classes to add to the textarea. */
  classes?: string;
  /** HTML attributes to add to the textarea. */
  attributes?: Attributes;
  /** Options for the count message. */
  countMessage?: { classes?: string };
  /**
   * Description of the limit, with `%{count}` for it. Defaults to `"You can enter up to %{count} characters"`
   * (or `words`). Without a limit it is only passed to the JavaScript (`data-i18n.textarea-description.other`).
   */
  textareaDescriptionText?: string;
  /** Message (by plural rule) when under the character limit (`data-i18n.characters-under-limit.*`). */
  charactersUnderLimitText?: PluralisedText;
  /** Message at the character limit (`data-i18n.characters-at-limit`). */
  charactersAtLimitText?: string;
  /** Message (by plural rule) when over the character limit (`data-i18n.characters-over-limit.*`). */
  charactersOverLimitText?: PluralisedText;
  /** Message (by plural rule) when under the word limit (`data-i18n.words-under-limit.*`). */
  wordsUnderLimitText?: PluralisedText;
  /** Message at the word limit (`data-i18n.words-at-limit`). */
  wordsAtLimitText?: string;
  /** Message (by plural rule) when over the word limit (`data-i18n.words-over-limit.*`). */
  wordsOverLimitText?: PluralisedText;
}

type AttributeRecord = Record<string, AttributeValue | AttributeOptions>;

/** The form group's `attributes` as an object (a string of raw attributes is parsed). */
function attributeRecord(attributes: Attributes | undefined): AttributeRecord {
  if (!attributes) return {};
  if (typeof attributes !== "string") return { ...attributes };
  return Object.fromEntries(
    parseAttributeString(attributes).map(([name, value]) => [name, value === true ? { value: true, optional: true } : value])
  );
}

/** `govukI18nAttributes`: `messages` (by plural rule) win over a single `message`. */
function i18nAttributes(key: string, message?: string, messages?: PluralisedText): AttributeRecord {
  if (messages) {
    return Object.fromEntries(Object.entries(messages).map(([rule, text]) => [`data-i18n.${key}.${rule}`, text]));
  }
  return message ? { [`data-i18n.${key}`]: message } : {};
}

/** An optional `govukAttributes` value: left out when `undefined`, `null` or `false`. */
function optional(value: AttributeValue): AttributeOptions {
  return { value, optional: true };
}

export function CharacterCount(props: CharacterCountProps) {
  const { name, maxlength, maxwords, threshold, formGroup } = props;
  const id = props.id || name;
  const countType = props.countType || (maxwords ? "words" : undefined);

  // Only with a limit can the description be written on the server; without one the JavaScript does it.
  const hasNoLimit = !maxwords && !maxlength;
  const descriptionText =
    props.textareaDescriptionText || `You can enter up to %{count} ${countType === "words" ? "words" : "characters"}`;
  const description = hasNoLimit ? undefined : descriptionText.replaceAll("%{count}", String(maxwords || maxlength));

  // The component's attributes come first in the template, so they win over the form group's own attributes
  // (first duplicate wins): they are set last here.
  const own: AttributeRecord = {
    "data-module": "govuk-character-count",
    "data-maxlength": optional(maxlength),
    "data-maxwords": optional(maxwords),
    "data-threshold": optional(threshold),
    "data-count-type": optional(countType || false),
    ...(hasNoLimit && props.textareaDescriptionText
      ? i18nAttributes("textarea-description", undefined, { other: props.textareaDescriptionText })
      : {}),
    ...i18nAttributes("characters-under-limit", undefined, props.charactersUnderLimitText),
    ...i18nAttributes("characters-at-limit", props.charactersAtLimitText),
    ...i18nAttributes("characters-over-limit", undefined, props.charactersOverLimitText),
    ...i18nAttributes("words-under-limit", undefined, props.wordsUnderLimitText),
    ...i18nAttributes("words-at-limit", props.wordsAtLimitText),
    ...i18nAttributes("words-over-limit", undefined, props.wordsOverLimitText),
  };
  const formGroupAttributes: AttributeRecord = { ...attributeRecord(formGroup?.attributes), ...own };

  const afterInput = formGroup?.afterInput;
  const afterInputContent = afterInput?.html
    ? renderHtml(typeof afterInput.html === "string" ? afterInput.html.trim() : afterInput.html)
    : afterInput?.text;
  const countMessage = (
    <>
      <Hint
        text={description}
        id={`${id}-info`}
        classes={`govuk-character-count__message${props.countMessage?.classes ? ` ${props.countMessage.classes}` : ""}`}
      />
      {afterInputContent}
    </>
  );

  return (
    <Textarea
      id={id}
      name={name}
      describedBy={`${id}-info`}
      rows={props.rows}
      spellcheck={props.spellcheck}
      value={props.value}
      formGroup={{
        classes: `govuk-character-count${formGroup?.classes ? ` ${formGroup.classes}` : ""}`,
        attributes: formGroupAttributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: { html: countMessage },
      }}
      classes={`govuk-js-character-count${props.classes ? ` ${props.classes}` : ""}`}
      label={props.label}
      hint={props.hint}
      errorMessage={props.errorMessage}
      attributes={props.attributes}
    />
  );
}
