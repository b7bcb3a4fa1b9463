// A plain data table: header row from column names, rows from children.
export const rowClass = "border-b border-slate-200 align-top dark:border-slate-800";
export const cellClass = "py-1.5 pr-3";

export function Table({ columns, children }: { columns: string[]; children: React.ReactNode }) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          {columns.map((column) => (
            <th key={column} className={cellClass}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
