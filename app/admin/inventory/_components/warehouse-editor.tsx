"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { inputClass } from "../../_components/field";
import { ActionForm, labelClass } from "./action-form";

interface Warehouse {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Each warehouse renamed or (de)activated in place, a form to add one, and the shop's default low-stock threshold. */
export function WarehouseEditor({ warehouses, defaultThreshold }: { warehouses: Warehouse[]; defaultThreshold: number }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.inventory.createWarehouse.mutationOptions());
  const update = useMutation(trpc.inventory.updateWarehouse.mutationOptions());
  const setDefault = useMutation(trpc.inventory.setDefaultThreshold.mutationOptions());

  return (
    <div className="grid gap-3 lg:grid-cols-2">
      {warehouses.map((w) => (
        <ActionForm
          key={w.id}
          title={`${w.name} (${w.code})${w.active ? "" : " · inactive"}`}
          submitLabel="Save"
          done="Saved."
          run={(f) => update.mutateAsync({ id: w.id, name: text(f, "name"), active: f.get("active") === "on" })}
        >
          <label className={labelClass}>
            Name
            <input name="name" defaultValue={w.name} maxLength={100} required className={`${inputClass} w-56`} />
          </label>
          <label className="flex items-center gap-2 pb-1.5 text-sm">
            <input type="checkbox" name="active" defaultChecked={w.active} />
            Takes orders (active)
          </label>
        </ActionForm>
      ))}
      <ActionForm title="New warehouse" submitLabel="Create warehouse" done="Warehouse created." run={(f) => create.mutateAsync({ code: text(f, "code"), name: text(f, "name") })}>
        <label className={labelClass}>
          Code
          <input name="code" required maxLength={32} placeholder="leeds" className={`${inputClass} w-32`} />
        </label>
        <label className={labelClass}>
          Name
          <input name="name" required maxLength={100} placeholder="Leeds" className={`${inputClass} w-56`} />
        </label>
      </ActionForm>
      <ActionForm
        title="Default low-stock threshold"
        submitLabel="Save default"
        done="Default saved."
        run={(f) => setDefault.mutateAsync({ threshold: /^\d+$/.test(text(f, "threshold").trim()) ? Number(text(f, "threshold")) : NaN })}
      >
        <label className={labelClass}>
          Alert admins when a variant without its own threshold has at most
          <input name="threshold" required inputMode="numeric" defaultValue={defaultThreshold} className={`${inputClass} w-24`} />
        </label>
      </ActionForm>
    </div>
  );
}
