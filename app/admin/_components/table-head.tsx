/** The header row the admin list tables share: small upper-case column names. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
      <tr>
        {columns.map((h) => (
          <th key={h} scope="col" className="px-2 py-2 font-medium">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
