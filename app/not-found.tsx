import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2">There is nothing at this address. Check results are only reachable through their exact link.</p>
      <p className="mt-4">
        <Link href="/" className="text-blue-700 underline dark:text-blue-400">
          Check a port
        </Link>
      </p>
    </div>
  );
}
