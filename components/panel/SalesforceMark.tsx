/** The small cloud that tells the agent "this is Salesforce data". */
export function SalesforceMark() {
  return (
    <svg class="mark" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
      <path
        fill="#00A1E0"
        d="M10 2.2a4.2 4.2 0 0 1 3-1.2 4.3 4.3 0 0 1 3.7 2.1 5 5 0 0 1 2-.4A5 5 0 0 1 23.8 8a5 5 0 0 1-6.9 4.6 3.7 3.7 0 0 1-4.8 1.6 4.2 4.2 0 0 1-7.8-.3A3.9 3.9 0 0 1 1.6 8.5a4.4 4.4 0 0 1 2.2-5.8A4.4 4.4 0 0 1 10 2.2z"
      />
    </svg>
  );
}
