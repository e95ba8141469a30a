import { shownErrors } from "./shown-errors";

/** The errors of a query or mutation, each by its code; nothing when there are none. */
export function ErrorNotice({ error }: { error: unknown }) {
  const errors = shownErrors(error);
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="error-notice">
      {errors.map((shown, index) => (
        <p key={index}>
          <code className="error-code">{shown.code}</code>{" "}
          {shown.field && <span className="error-field">{shown.field}: </span>}
          {shown.message}
        </p>
      ))}
    </div>
  );
}
