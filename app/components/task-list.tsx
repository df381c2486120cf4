/** GOV.UK Frontend Task list (`govukTaskList` macro, govuk-frontend 6.6.0 `components/task-list/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, type HtmlOption } from "./html";
import { Tag, type TagProps } from "./tag";

/** A task's title, hint or status content. */
export interface TaskListText {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface TaskListTitle extends TaskListText {
  /** Classes to add to the title (the link, or the `div` of a task without `href`). */
  classes?: string;
}

/** The `status.tag` option: the Tag component's options, with React content allowed in `html`. */
export type TaskListTag = Omit<TagProps, "html" | "children"> & { html?: HtmlOption };

export interface TaskListStatus extends TaskListText {
  /** Show the status as a Tag (then `text` and `html` are ignored). */
  tag?: TaskListTag | null | false;
  /** Classes to add to the status, for example `govuk-task-list__status--cannot-start-yet`. */
  classes?: string;
}

export interface TaskListItem {
  /** The task's name. */
  title: TaskListTitle;
  /** A hint under the title (`<idPrefix>-<n>-hint`, referenced by the link's `aria-describedby`). */
  hint?: TaskListText | null | false;
  /** The task's status (`<idPrefix>-<n>-status`, referenced by the link's `aria-describedby`). */
  status?: TaskListStatus;
  /** Link to the task; without it the title is not a link (for a task that cannot be started yet). */
  href?: string;
  /** Classes to add to the task's `li`. */
  classes?: string;
}

export interface TaskListProps {
  /** The tasks. Falsy entries are skipped (but still counted in the ids). */
  items: ReadonlyArray<TaskListItem | null | undefined | false | "">;
  /** Prefix of the hints' and statuses' ids: `<idPrefix>-<n>-hint`. Defaults to `"task-list"`. */
  idPrefix?: string;
  /** Classes to add to the list. */
  classes?: string;
  /** HTML attributes to add to the list. */
  attributes?: Attributes;
}

/** `html | safe | trim if html else text`, as the whole content of an element. */
function textContent(item: TaskListText | null | undefined | false) {
  if (!item) return {};
  return content(undefined, typeof item.html === "string" ? item.html.trim() : item.html, item.text);
}

function StatusTag({ tag }: { tag: TaskListTag }): ReactNode {
  const { html, ...rest } = tag;
  // A string is trusted HTML for the Tag's `html`; React content becomes its children.
  if (typeof html === "string") return <Tag {...rest} html={html} />;
  return html ? <Tag {...rest}>{html}</Tag> : <Tag {...rest} />;
}

function TaskListRow({ item, idPrefix, index }: { item: TaskListItem; idPrefix: string; index: number }) {
  const hintId = `${idPrefix}-${index}-hint`;
  const statusId = `${idPrefix}-${index}-status`;
  const { title, hint, status, href } = item;
  return (
    <li className={cx("govuk-task-list__item", href && "govuk-task-list__item--with-link", item.classes)}>
      <div className="govuk-task-list__name-and-hint">
        {href ? (
          <a
            className={cx("govuk-link govuk-task-list__link", title?.classes)}
            href={href}
            aria-describedby={hint ? `${hintId} ${statusId}` : statusId}
            {...textContent(title)}
          />
        ) : (
          <div {...(title?.classes ? { className: title.classes } : {})} {...textContent(title)} />
        )}
        {hint ? <div id={hintId} className="govuk-task-list__hint" {...textContent(hint)} /> : null}
      </div>
      <div
        className={cx("govuk-task-list__status", status?.classes)}
        id={statusId}
        {...(status?.tag ? { children: <StatusTag tag={status.tag} /> } : textContent(status))}
      />
    </li>
  );
}

export function TaskList({ items, idPrefix, classes, attributes }: TaskListProps) {
  const prefix = idPrefix || "task-list";
  // `class` comes before `attributes` in the template, so it wins over them.
  return (
    <ul {...attributesToProps(attributes)} className={cx("govuk-task-list", classes)}>
      {(items ?? []).map((item, index) =>
        item ? <TaskListRow key={index} item={item} idPrefix={prefix} index={index + 1} /> : null
      )}
    </ul>
  );
}
