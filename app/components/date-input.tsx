/**
 * GOV.UK Frontend Date input (`govukDateInput` macro, govuk-frontend 6.6.0
 * `components/date-input/template.njk`): day, month and year text inputs, usually in a fieldset, with a hint
 * and error message.
 *
 * The inputs are uncontrolled: each item's value (its `value`, else the matching `day`/`month`/`year`
 * option's `value`, else `values[<namePrefix>-<name>]`) is rendered as `value="…"`, so the form works without
 * JavaScript.
 *
 * As in the template, `fieldset.describedBy` and the hint's and error message's ids go on the fieldset's
 * `aria-describedby`; without a fieldset they are not referenced.
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import type { ErrorMessageProps } from "./error-message";
import { hintAndError } from "./field-parts";
import { Fieldset, type FieldsetProps } from "./fieldset";
import type { HintProps } from "./hint";
import { renderHtml, type HtmlOption } from "./html";
import { Input, type InputProps } from "./input";

/** The `fieldset` option: the Fieldset component's options the template passes on (its `role` is `group`). */
export type DateInputFieldset = Pick<FieldsetProps, "legend" | "describedBy" | "classes" | "attributes">;

/** The `hint` option: the Hint component's options except `id` (`<id>-hint`). */
export type DateInputHint = Omit<HintProps, "id" | "children">;

/** The `errorMessage` option: the ErrorMessage component's options except `id` (`<id>-error`). */
export type DateInputErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** A value of an input: `undefined` falls back to the next source, `null` renders no value. */
export type DateInputValue = string | number | null;

export interface DateInputItem {
  /**
   * `name` of the input, after `namePrefix-`. In `items`, `"day"`, `"month"` and `"year"` (or the `name` of the
   * `day`/`month`/`year` option) take that option's `value` as their default (and `year` is 4 characters wide).
   */
  name?: string;
  /** `id` of the input. Defaults to `<id>-<name>`. */
  id?: string;
  /** Text of the label. Defaults to the name, capitalised (`Day`). */
  label?: string;
  /** The input's initial value. */
  value?: DateInputValue;
  /**
   * Give the input the error style (`govuk-input--error`). With an `errorMessage` and no item in error, every
   * input has it unless its `error` is `false`.
   */
  error?: boolean;
  /** The `autocomplete` attribute, for example `"bday-day"`. */
  autocomplete?: InputProps["autocomplete"];
  /** The `inputmode` attribute. Defaults to `"numeric"`. */
  inputmode?: InputProps["inputmode"];
  /** The `pattern` attribute. */
  pattern?: string;
  /** Classes to add to the input. A `govuk-input--width-*` class replaces the default width (2, or 4 for the year). */
  classes?: string;
  /** HTML attributes to add to the input. */
  attributes?: Attributes;
}

/** Content put inside the `govuk-date-input` container, before or after the inputs. */
export interface DateInputFormGroupContent {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface DateInputFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content before the first input, inside the `govuk-date-input` container. */
  beforeInputs?: DateInputFormGroupContent;
  /** Content after the last input, inside the `govuk-date-input` container. */
  afterInputs?: DateInputFormGroupContent;
}

type MaybeItem = DateInputItem | null | undefined | false | "";

export interface DateInputProps {
  /** `id` of the `govuk-date-input` container, and prefix of the inputs', hint's and error message's ids. */
  id: string;
  /** Prefix of the inputs' names: `<namePrefix>-day`. */
  namePrefix?: string;
  /**
   * The inputs, in order. When empty or not given, the `day`, `month` and `year` options are used
   * (`{ name: "day", value: values.day, classes: "govuk-input--width-2" }` and so on by default).
   */
  items?: readonly MaybeItem[];
  /** The day input when `items` is not given; `false` (or `null`) leaves it out. */
  day?: MaybeItem;
  /** The month input when `items` is not given; `false` (or `null`) leaves it out. */
  month?: MaybeItem;
  /** The year input when `items` is not given; `false` (or `null`) leaves it out. */
  year?: MaybeItem;
  /** Values by input name (with the name prefix: `{ "dob-day": 31 }`), used when an item has no value. */
  values?: Readonly<Record<string, DateInputValue | undefined>>;
  /** Wrap the inputs in a fieldset (with `role="group"`) with this legend. */
  fieldset?: DateInputFieldset | null | false;
  /** A hint, above the inputs. */
  hint?: DateInputHint | null | false;
  /** An error message, above the inputs. Falsy for none. */
  errorMessage?: DateInputErrorMessage | null | false;
  /** Options for the form group. */
  formGroup?: DateInputFormGroup;
  /** Classes to add to the `govuk-date-input` container. */
  classes?: string;
  /** HTML attributes to add to the `govuk-date-input` container. */
  attributes?: Attributes;
}

/** Nunjucks' `capitalize`: first character upper case, the rest lower case. */
function capitalize(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function formGroupContent(item: DateInputFormGroupContent): ReactNode {
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text;
}

function hasErrorClass(item: MaybeItem): boolean {
  return Boolean(item && item.classes && item.classes.includes("govuk-input--error"));
}

export function DateInput(props: DateInputProps) {
  const { id, namePrefix, values, fieldset, hint, errorMessage, formGroup, classes, attributes } = props;

  // `params.day | default({…})`: only a missing option gets the default.
  const day = props.day !== undefined ? props.day : { name: "day", value: values?.day, classes: "govuk-input--width-2" };
  const month = props.month !== undefined ? props.month : { name: "month", value: values?.month, classes: "govuk-input--width-2" };
  const year = props.year !== undefined ? props.year : { name: "year", value: values?.year, classes: "govuk-input--width-4" };
  const items: readonly MaybeItem[] = props.items?.length ? props.items : [day, month, year];

  const anyItemHasError = items.some((item) => Boolean(item && (item.error || hasErrorClass(item))));
  const prefix = namePrefix ? `${namePrefix}-` : "";

  /** The `day`, `month` or `year` option (and defaults) this item stands for. */
  const part = (item: DateInputItem): { option: MaybeItem; name: string; width: number } | undefined => {
    const parts = [
      { option: day, name: "day", width: 2 },
      { option: month, name: "month", width: 2 },
      { option: year, name: "year", width: 4 },
    ];
    return parts.find(({ option, name }) => item === option || (item.name && (item.name === name || (option && item.name === option.name))));
  };

  const itemElements = items.map((item, index) => {
    if (!item) return null;
    let itemName = item.name;
    let itemValue = item.value;
    let itemWidth = 2;
    const itemHasError = Boolean(item.error || hasErrorClass(item));
    const matched = part(item);
    if (matched) {
      itemName = item.name ?? matched.name;
      itemValue = item.value !== undefined ? item.value : matched.option ? matched.option.value : undefined;
      itemWidth = matched.width;
    }

    const itemClasses: string[] = [];
    if (!hasErrorClass(item) && (itemHasError || (item.error !== false && errorMessage && !anyItemHasError))) {
      itemClasses.push("govuk-input--error");
    }
    if (!item.classes || !item.classes.includes("govuk-input--width-")) itemClasses.push(`govuk-input--width-${itemWidth}`);
    if (item.classes) itemClasses.push(item.classes);

    const name = `${prefix}${itemName ?? ""}`;
    const value = itemValue !== undefined ? itemValue : values?.[name];
    return (
      <div key={index} className="govuk-date-input__item">
        <Input
          label={{ text: item.label || capitalize(itemName ?? ""), classes: "govuk-date-input__label" }}
          id={item.id || `${id}-${itemName ?? ""}`}
          classes={cx("govuk-date-input__input", ...itemClasses)}
          name={name}
          value={value ?? undefined}
          type="text"
          inputmode={item.inputmode || "numeric"}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
        />
      </div>
    );
  });

  const parts = hintAndError(id, hint, errorMessage, (fieldset && fieldset.describedBy) || "");
  const { hintElement, errorElement, describedBy } = parts;

  const inner = (
    <>
      {hintElement}
      {errorElement}
      {/* `class` comes before `attributes` in the template (so it wins), `id` after them (so they win). */}
      <div {...(id ? { id } : {})} {...attributesToProps(attributes)} className={cx("govuk-date-input", classes)}>
        {formGroup?.beforeInputs ? formGroupContent(formGroup.beforeInputs) : null}
        {itemElements}
        {formGroup?.afterInputs ? formGroupContent(formGroup.afterInputs) : null}
      </div>
    </>
  );

  return (
    <div
      {...attributesToProps(formGroup?.attributes)}
      className={cx("govuk-form-group", errorMessage && "govuk-form-group--error", formGroup?.classes)}
    >
      {fieldset ? (
        <Fieldset
          describedBy={describedBy || undefined}
          classes={fieldset.classes}
          role="group"
          attributes={fieldset.attributes}
          legend={fieldset.legend}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
