"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { ImportResult } from "@/server/inventory/import-stock-csv";
import { MAX_CSV_CHARS } from "@/server/inventory/schemas";
import { serverErrors } from "../../_lib/form-errors";
import { buttonClass } from "./action-form";
import { cell, StockTable } from "./stock-table";


/** Choose a file, read the preview (every row's change or error), then confirm to import it in one go. */
export function CsvImport() {
  const trpc = useTRPC();
  const run = useMutation(trpc.inventory.importCsv.mutationOptions());
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState("");

  async function send(dryRun: boolean) {
    setMessage("");
    try {
      const outcome = await run.mutateAsync({ csv, dryRun });
      setResult(outcome);
      if (outcome.imported) setMessage(`Imported ${outcome.rows.length} rows.`);
    } catch (error) {
      setMessage(serverErrors(error).message);
    }
  }

  async function choose(file: File | undefined) {
    setResult(null);
    setMessage("");
    if (!file) return setCsv("");
    if (file.size > MAX_CSV_CHARS) return setMessage(`The file is larger than ${MAX_CSV_CHARS / 1_000_000} MB.`);
    setCsv(await file.text());
  }

  return (
    <div className="flex flex-col gap-4">
      <label className="flex flex-col gap-1 text-sm font-medium">
        CSV file
        <input type="file" accept=".csv,text/csv" onChange={(e) => choose(e.target.files?.[0])} />
      </label>
      <div className="flex gap-3">
        <button type="button" className={buttonClass} disabled={!csv || run.isPending} onClick={() => send(true)}>
          Preview
        </button>
        {result && !result.imported && result.errors === 0 && (
          <button type="button" className={buttonClass} disabled={run.isPending} onClick={() => send(false)}>
            Confirm import of {result.rows.length} rows
          </button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
      {result && result.errors > 0 && (
        <p role="alert" className="text-sm text-red-700">
          {result.errors} {result.errors === 1 ? "row has an error" : "rows have errors"}: fix the file and preview it again. Nothing was imported.
        </p>
      )}
      {result && (
        <StockTable headings={["Line", "SKU", "Warehouse", "On hand now", "New on hand", "Change", "Error"]} minWidth="40rem">
          {result.rows.map((row) => (
            <tr key={row.line} className={`border-b border-stone-100 ${row.error ? "bg-red-50" : ""}`}>
              <td className={`${cell} tabular-nums`}>{row.line}</td>
              <td className={`${cell} font-mono text-xs`}>{row.sku}</td>
              <td className={cell}>{row.warehouse}</td>
              <td className={`${cell} tabular-nums`}>{row.current ?? ""}</td>
              <td className={`${cell} tabular-nums`}>{row.onHand ?? ""}</td>
              <td className={`${cell} tabular-nums`}>{row.change === null ? "" : row.change > 0 ? `+${row.change}` : row.change}</td>
              <td className={`${cell} text-red-700`}>{row.error}</td>
            </tr>
          ))}
        </StockTable>
      )}
    </div>
  );
}
