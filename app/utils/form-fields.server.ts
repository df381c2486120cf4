/** A form's own text fields (not the CSRF token, intent or version), for a schema that reads only the fields it knows. */
export function textFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key === "csrf" || key === "intent" || key === "version" || typeof value !== "string") continue;
    out[key] = value;
  }
  return out;
}

/** The `version` a form was shown with (0: a new thing), or -1 when it is not a number. */
export function versionField(form: FormData): number {
  const v = form.get("version");
  return typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : -1;
}
