/**
 * Pieces every form uses: the CSRF token (from the root loader), the honeypot field for public forms, and
 * the error summary built from a field → message map in the page's field order.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { PasswordInput } from "~/components/password-input";
import type { loader as rootLoader } from "~/root";

export function CsrfField() {
  const csrf = useRouteLoaderData<typeof rootLoader>("root")?.csrf ?? "";
  return <input type="hidden" name="csrf" value={csrf} />;
}

/** People never see or fill it (hidden by CSS, skipped by screen readers and the tab key); bots do. */
export function Honeypot() {
  return (
    <div className="app-honeypot" aria-hidden="true">
      <label htmlFor="website">Leave this empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export type Errors = Record<string, string> | null | undefined;

/** The GOV.UK error summary, linking each message to its field (field ids match their names). */
export function FormErrors({ errors, order }: { errors: Errors; order: string[] }) {
  if (!errors) return null;
  const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => !order.includes(k))];
  if (keys.length === 0) return null;
  return <ErrorSummary titleText="There is a problem" errorList={keys.map((k) => ({ text: errors[k], href: `#${k}` }))} />;
}

export function fieldError(errors: Errors, name: string): { text: string } | undefined {
  const text = errors?.[name];
  return text ? { text } : undefined;
}

/** A new password and its confirmation, with the advice people need to choose one. */
export function NewPasswordFields({ errors, label = "Create a password" }: { errors: Errors; label?: string }) {
  return (
    <>
      <PasswordInput
        id="password"
        name="password"
        label={{ text: label }}
        hint={{ text: "Use 12 characters or more. A good way to make a strong password is to use three random words." }}
        autocomplete="new-password"
        errorMessage={fieldError(errors, "password")}
      />
      <PasswordInput id="confirmPassword" name="confirmPassword" label={{ text: "Confirm your password" }} autocomplete="new-password" errorMessage={fieldError(errors, "confirmPassword")} />
    </>
  );
}
