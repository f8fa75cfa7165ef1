import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { OrderAddress } from "@/app/_components/order-address";
import { OrderMessages } from "@/app/_components/order-messages";
import { OrderStatusBadge, PaymentStatusBadge } from "@/app/_components/order-status-badge";
import { getCaller } from "@/app/_trpc/server";
import { CustomerIdInput } from "@/server/customers/schemas";
import { LiftSuppressionButton } from "../../mailbox/_components/lift-suppression-button";
import { Panel } from "../../orders/_components/panel";
import { ResendMessageButton } from "../../orders/_components/resend-message-button";
import { isFullAdmin, requireAdmin } from "../../_lib/require-admin";
import { CustomerActions, CustomerNotes } from "../_components/customer-actions";

export const metadata: Metadata = { title: "Customer" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export default async function AdminCustomerPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireAdmin(`/admin/customers/${encodeURIComponent(userId)}`);
  if (!CustomerIdInput.safeParse({ userId }).success) notFound();
  const customer = await (await getCaller()).adminCustomers.get({ userId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link href="/admin/customers" className="text-sm underline">
          ← Customers
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{customer.erased ? "Anonymised customer" : customer.name || customer.email}</h1>
      </div>

      <Panel title="Profile">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-500">Email</dt>
          <dd className="break-all">
            {customer.email} {customer.emailVerified ? "(verified)" : "(not verified)"}
          </dd>
          <dt className="text-stone-500">Phone</dt>
          <dd>{customer.phone ?? "—"}</dd>
          <dt className="text-stone-500">Joined</dt>
          <dd>{dateFormat.format(customer.createdAt)}</dd>
          <dt className="text-stone-500">Lifetime value</dt>
          <dd className="tabular-nums">{customer.lifetimeValue.length === 0 ? "—" : customer.lifetimeValue.map((v) => formatMoney(v.amount, v.currency)).join(" · ")}</dd>
        </dl>
        {customer.suppression && (
          <div role="status" className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            <span>
              Email to this address is suppressed ({customer.suppression.reason}
              {customer.suppression.detail ? `: ${customer.suppression.detail}` : ""}) since {dateFormat.format(customer.suppression.createdAt)}.
            </span>
            <LiftSuppressionButton address={customer.suppression.address} />
          </div>
        )}
        {!customer.erased && <CustomerActions userId={customer.id} email={customer.email} canAnonymise={isFullAdmin(user)} />}
      </Panel>

      <Panel title="Addresses">
        {customer.addresses.length === 0 ? (
          <p className="text-sm text-stone-600">No saved addresses.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {customer.addresses.map((a) => (
              <li key={a.id} className="rounded border border-stone-200 p-2">
                <OrderAddress address={a.address} />
                {(a.defaultShipping || a.defaultBilling) && (
                  <p className="mt-1 text-xs text-stone-500">{[a.defaultShipping && "Default shipping", a.defaultBilling && "Default billing"].filter(Boolean).join(" · ")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <Panel title="Notes">
        <CustomerNotes userId={customer.id} notes={customer.notes} />
      </Panel>

      <Panel title="Orders">
        {customer.orders.length === 0 ? (
          <p className="text-sm text-stone-600">No orders yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-stone-100 text-sm">
            {customer.orders.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link href={`/admin/orders/${o.id}`} className="font-medium underline-offset-2 hover:underline">
                  #{o.number}
                </Link>
                <time dateTime={o.placedAt.toISOString()} className="text-stone-500">
                  {dateFormat.format(o.placedAt)}
                </time>
                <span className="tabular-nums">{formatMoney(o.totalAmount, o.currency)}</span>
                <OrderStatusBadge status={o.status} />
                <PaymentStatusBadge status={o.paymentStatus} />
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <Panel title="Messages">
        <OrderMessages messages={customer.messages} showRecipient action={(message) => <ResendMessageButton notificationId={message.id} />} />
      </Panel>
    </div>
  );
}
