"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { AdjustReason } from "@/server/inventory/schemas";
import { inputClass } from "../../_components/field";
import { ActionForm, labelClass } from "./action-form";

interface Warehouse {
  id: number;
  name: string;
  active: boolean;
}

/** Numbers typed into a form; a blank or bad one becomes NaN, which the server's schema refuses with its message. */
const int = (form: FormData, name: string) => {
  const text = String(form.get(name) ?? "").trim();
  return /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
};
const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function WarehouseSelect({ name, label, warehouses }: { name: string; label: string; warehouses: Warehouse[] }) {
  return (
    <label className={labelClass}>
      {label}
      <select name={name} required className={inputClass}>
        {warehouses.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
            {w.active ? "" : " (inactive)"}
          </option>
        ))}
      </select>
    </label>
  );
}

function ReasonFields() {
  return (
    <>
      <label className={labelClass}>
        Reason
        <select name="reason" className={inputClass} defaultValue="received">
          {AdjustReason.options.map((r) => (
            <option key={r} value={r}>
              {r[0]!.toUpperCase() + r.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Note
        <input name="note" maxLength={500} className={`${inputClass} w-56`} placeholder="Optional" />
      </label>
    </>
  );
}

/** Adjust, count, transfer and the low-stock threshold of one variant. */
export function StockActions({ variantId, warehouses, threshold }: { variantId: number; warehouses: Warehouse[]; threshold: number | null }) {
  const trpc = useTRPC();
  const adjust = useMutation(trpc.inventory.adjust.mutationOptions());
  const set = useMutation(trpc.inventory.setOnHand.mutationOptions());
  const transfer = useMutation(trpc.inventory.transfer.mutationOptions());
  const setThreshold = useMutation(trpc.inventory.setThreshold.mutationOptions());
  const reason = (form: FormData) => AdjustReason.catch("received").parse(text(form, "reason"));

  return (
    <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
      <h2 id="actions-heading" className="text-lg font-semibold">
        Change stock
      </h2>
      <div className="grid gap-3 lg:grid-cols-2">
        <ActionForm
          title="Adjust by"
          submitLabel="Adjust stock"
          done="Stock adjusted."
          run={(f) => adjust.mutateAsync({ variantId, warehouseId: int(f, "warehouseId"), delta: int(f, "delta"), reason: reason(f), note: text(f, "note") })}
        >
          <WarehouseSelect name="warehouseId" label="Warehouse" warehouses={warehouses} />
          <label className={labelClass}>
            Change (+/−)
            <input name="delta" required inputMode="numeric" className={`${inputClass} w-24`} placeholder="-2" />
          </label>
          <ReasonFields />
        </ActionForm>
        <ActionForm
          title="Set on hand (a count)"
          submitLabel="Set on hand"
          done="On hand set."
          run={(f) => set.mutateAsync({ variantId, warehouseId: int(f, "warehouseId"), onHand: int(f, "onHand"), reason: reason(f), note: text(f, "note") })}
        >
          <WarehouseSelect name="warehouseId" label="Warehouse" warehouses={warehouses} />
          <label className={labelClass}>
            On hand
            <input name="onHand" required inputMode="numeric" className={`${inputClass} w-24`} />
          </label>
          <ReasonFields />
        </ActionForm>
        <ActionForm
          title="Transfer"
          submitLabel="Transfer"
          done="Transferred."
          run={(f) =>
            transfer.mutateAsync({ variantId, fromWarehouseId: int(f, "from"), toWarehouseId: int(f, "to"), quantity: int(f, "quantity"), note: text(f, "note") })
          }
        >
          <WarehouseSelect name="from" label="From" warehouses={warehouses} />
          <WarehouseSelect name="to" label="To" warehouses={warehouses.filter((w) => w.active)} />
          <label className={labelClass}>
            Units
            <input name="quantity" required inputMode="numeric" className={`${inputClass} w-24`} />
          </label>
          <label className={labelClass}>
            Note
            <input name="note" maxLength={500} className={`${inputClass} w-56`} placeholder="Optional" />
          </label>
        </ActionForm>
        <ActionForm
          title="Low-stock threshold"
          submitLabel="Save threshold"
          done="Threshold saved."
          run={(f) => setThreshold.mutateAsync({ variantId, threshold: text(f, "threshold").trim() === "" ? null : int(f, "threshold") })}
        >
          <label className={labelClass}>
            Alert at or below
            <input name="threshold" inputMode="numeric" defaultValue={threshold ?? ""} placeholder="Shop default" className={`${inputClass} w-32`} />
          </label>
        </ActionForm>
      </div>
    </section>
  );
}
