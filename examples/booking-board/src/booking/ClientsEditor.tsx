import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { ErrorNotice } from "../errors/ErrorNotice";
import type { ClientTypeCode } from "../gql/graphql";
import { SetClientsMutation } from "./booking-operations";

interface Row {
  code: ClientTypeCode;
  /** As typed: the gateway checks it and names the field when it is not a positive integer. */
  id: string;
}

/**
 * The booking's CRM clients, replaced as a whole with setBookingClients. The kinds offered are the
 * ClientTypeCode values the portal lists (`clientTypes`).
 */
export function ClientsEditor({
  bookingId,
  clients,
  choices,
}: {
  bookingId: number;
  clients: ReadonlyArray<{ id: number; type: { code: ClientTypeCode } }>;
  choices: ClientTypeCode[];
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    clients.map((client) => ({ code: client.type.code, id: String(client.id) })),
  );
  const [setClients, { loading, error, data }] = useMutation(SetClientsMutation);
  const change = (index: number, next: Partial<Row>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...next } : row)));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const input = rows.map((row) => ({ id: Number(row.id), type: { code: row.code } }));
    setClients({ variables: { bookingId, clients: input } }).catch(() => undefined);
  };

  return (
    <form className="clients-editor" onSubmit={save}>
      <fieldset>
        <legend>Clients</legend>
        {rows.length === 0 && <p className="empty">No clients.</p>}
        {rows.map((row, index) => (
          <div className="client-row" key={index}>
            <select
              aria-label={`client ${index + 1} type`}
              value={row.code}
              onChange={(event) => change(index, { code: event.target.value as ClientTypeCode })}
            >
              {choices.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
            <input
              aria-label={`client ${index + 1} id`}
              inputMode="numeric"
              value={row.id}
              onChange={(event) => change(index, { id: event.target.value })}
            />
            <button
              type="button"
              aria-label={`remove client ${index + 1}`}
              onClick={() => setRows(rows.filter((_, at) => at !== index))}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setRows([...rows, { code: choices[0] ?? "CONTACT", id: "" }])}
        >
          Add client
        </button>
      </fieldset>
      <button type="submit" disabled={loading}>
        Save clients
      </button>
      {data && !loading && !error && <span role="status">Saved</span>}
      <ErrorNotice error={error} />
    </form>
  );
}
