/**
 * Choosing rows of a table to act on together (GOV.UK small checkboxes in the first column), for forms
 * that post or get the chosen ids as `id`.
 */
export function RowCheckbox({ id, label, checked }: { id: number; label: string; checked?: boolean }) {
  return (
    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
      <div className="govuk-checkboxes__item">
        <input className="govuk-checkboxes__input" id={`select-${id}`} name="id" type="checkbox" value={id} defaultChecked={checked} />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${id}`}>
          <span className="govuk-visually-hidden">{label}</span>
        </label>
      </div>
    </div>
  );
}
