"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/categories", label: "Categories" },
  { href: "/admin/inventory", label: "Inventory" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/fulfilment", label: "Fulfilment" },
  { href: "/admin/returns", label: "Returns" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/search", label: "Search" },
  { href: "/admin/mailbox", label: "Mailbox" },
  { href: "/admin/emails", label: "Emails" },
  { href: "/admin/audit", label: "Audit log", fullAdminOnly: true },
];

/** `fullAdmin` false (staff): the pages staff may not open are left out. */
export function AdminNav({ fullAdmin }: { fullAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin">
      <ul className="flex gap-1 md:flex-col">
        {LINKS.filter((link) => fullAdmin || !("fullAdminOnly" in link)).map(({ href, label }) => {
          const current = href === "/admin" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-2 text-sm ${current ? "bg-stone-200 font-medium" : "hover:bg-stone-100"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
