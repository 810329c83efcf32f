// The site's search: every word of the folded query must be a word of a record's folded text.
// Results are grouped by kind of record, and the address follows the query (search.html?q=…),
// so a search can be shared.
(function () {
  const input = document.getElementById("q");
  const results = document.getElementById("results");
  const count = document.getElementById("count");
  const rtl = /[\u0590-\u08ff]/;
  const KINDS = ["meetings", "people", "organizations", "claims", "sources"];
  function run() {
    const words = lidFold(input.value).split(" ").filter(Boolean);
    results.textContent = "";
    if (!words.length) { count.textContent = ""; return; }
    const seen = new Set();
    const groups = new Map();
    for (const [resource, id, label, text, folded] of LID_INDEX) {
      const key = resource + "/" + id;
      if (seen.has(key)) continue;
      const padded = " " + folded + " ";
      if (!words.every((w) => padded.includes(" " + w + " "))) continue;
      seen.add(key);
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = resource + "/" + id + ".html";
      a.textContent = label || text;
      if (rtl.test(a.textContent)) a.dir = "auto";
      li.append(a);
      if (text !== label) {
        const m = document.createElement("span");
        m.className = "matched";
        m.textContent = " · " + text;
        if (rtl.test(text)) m.dir = "auto";
        li.append(m);
      }
      if (!groups.has(resource)) groups.set(resource, []);
      groups.get(resource).push(li);
    }
    const order = (r) => (KINDS.indexOf(r) + KINDS.length + 1) % (KINDS.length + 1);
    for (const resource of Array.from(groups.keys()).sort((a, b) => order(a) - order(b))) {
      const items = groups.get(resource);
      const section = document.createElement("section");
      const h2 = document.createElement("h2");
      h2.textContent = resource.charAt(0).toUpperCase() + resource.slice(1) + " (" + items.length + ")";
      const ol = document.createElement("ol");
      ol.append(...items);
      section.append(h2, ol);
      results.append(section);
    }
    count.textContent = seen.size + (seen.size === 1 ? " record" : " records");
  }
  function share() {
    const q = input.value.trim();
    history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
  }
  input.addEventListener("input", () => { run(); share(); });
  input.form.addEventListener("submit", (e) => { e.preventDefault(); run(); share(); });
  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; }
  run();
})();
