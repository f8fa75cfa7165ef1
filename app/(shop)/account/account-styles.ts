export const smallButton = "rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 disabled:opacity-60";
export const linkButton = "text-sm underline underline-offset-2";
