import { getCaller } from "@/app/_trpc/server";
import { AdminTime } from "../../orders/_components/admin-time";
import { LiftSuppressionButton } from "./lift-suppression-button";

/** Addresses the shop no longer writes to (after a hard bounce or a complaint), with a way to lift each. */
export async function SuppressionList() {
  const suppressions = await (await getCaller()).notifications.suppressions();
  return (
    <section aria-labelledby="suppressions" className="flex flex-col gap-3">
      <h2 id="suppressions" className="text-lg font-medium">
        Suppressed addresses
      </h2>
      <p className="text-sm text-stone-600">No email goes to these addresses, order emails included, until the suppression is lifted.</p>
      {suppressions.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm">No address is suppressed.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              {["Address", "Why", "Since", ""].map((h) => (
                <th key={h} scope="col" className="px-2 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {suppressions.map((s) => (
              <tr key={s.address} className="border-b border-stone-100">
                <td className="px-2 py-2">{s.address}</td>
                <td className="px-2 py-2">
                  <span className="capitalize">{s.reason}</span>
                  {s.detail && <span className="block text-xs text-stone-500">{s.detail}</span>}
                </td>
                <td className="px-2 py-2">
                  <AdminTime at={s.createdAt} />
                </td>
                <td className="px-2 py-2">
                  {s.liftedAt ? (
                    <span className="text-xs text-stone-500">
                      Lifted <AdminTime at={s.liftedAt} />
                    </span>
                  ) : (
                    <LiftSuppressionButton address={s.address} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
