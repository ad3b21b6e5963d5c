/**
 * The reference the launcher is compared with in `npm run bench`: the same small button, built the common way
 * (React rendered into a shadow root by a content script). Bundled into a throwaway extension by the bench; never
 * shipped.
 */
import { createRoot } from 'react-dom/client';

function Widget() {
  return (
    <button type="button" style={{ position: 'fixed', right: 16, bottom: 16 }} aria-label="Share your referral link">
      RefShare
    </button>
  );
}

const host = document.createElement('div');
document.documentElement.append(host);
createRoot(host.attachShadow({ mode: 'closed' })).render(<Widget />);
