/** GOV.UK Frontend Table (`govukTable` macro, govuk-frontend 6.6.0 `components/table/template.njk`). */
import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, type HtmlOption } from "./html";

export interface TableCell {
  /** Text of the cell. Ignored if `html` is given. */
  text?: string | number;
  /** Trusted HTML string or React content for the cell. */
  html?: HtmlOption;
  /** Cell format; `"numeric"` right-aligns it (`govuk-table__cell--numeric`). */
  format?: "numeric" | (string & {});
  /** Classes to add to the cell. */
  classes?: string;
  /** Number of columns the cell spans. */
  colspan?: number;
  /** Number of rows the cell spans. */
  rowspan?: number;
  /** HTML attributes to add to the cell. */
  attributes?: Attributes;
}

/** A table row; falsy rows are skipped, as in the macro. */
export type TableRow = ReadonlyArray<TableCell | null | undefined> | null | undefined | false;

export interface TableProps {
  /** The body rows: arrays of cells. */
  rows: readonly TableRow[];
  /** Header cells (`<th scope="col">`) for a `<thead>` row. */
  head?: readonly TableCell[];
  /** Caption text. */
  caption?: string;
  /** Classes for the caption, for example `govuk-table__caption--m`. */
  captionClasses?: string;
  /** Render the first cell of each row as `<th scope="row">`. */
  firstCellIsHeader?: boolean;
  /** Classes to add to the table. */
  classes?: string;
  /** HTML attributes to add to the table. */
  attributes?: Attributes;
}

function spans(cell: TableCell) {
  return { colSpan: cell.colspan || undefined, rowSpan: cell.rowspan || undefined };
}

export function Table({ rows, head, caption, captionClasses, firstCellIsHeader, classes, attributes }: TableProps) {
  return (
    <table {...attributesToProps(attributes)} className={cx("govuk-table", classes)}>
      {caption ? <caption className={cx("govuk-table__caption", captionClasses)}>{caption}</caption> : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((item, i) => (
              <th
                key={i}
                {...attributesToProps(item.attributes)}
                {...spans(item)}
                scope="col"
                className={cx("govuk-table__header", item.format && `govuk-table__header--${item.format}`, item.classes)}
                {...content(undefined, item.html, item.text)}
              />
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {(rows ?? []).map((row, r) =>
          row ? (
            <tr key={r} className="govuk-table__row">
              {row.map((cell, c) => {
                const item = cell ?? {};
                const common = { ...attributesToProps(item.attributes), ...spans(item) };
                return c === 0 && firstCellIsHeader ? (
                  <th
                    key={c}
                    {...common}
                    scope="row"
                    className={cx("govuk-table__header", item.classes)}
                    {...content(undefined, item.html, item.text)}
                  />
                ) : (
                  <td
                    key={c}
                    {...common}
                    className={cx("govuk-table__cell", item.format && `govuk-table__cell--${item.format}`, item.classes)}
                    {...content(undefined, item.html, item.text)}
                  />
                );
              })}
            </tr>
          ) : null
        )}
      </tbody>
    </table>
  );
}
