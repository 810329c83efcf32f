// The site's search: every word of the folded query must be a word of a record's folded text.
(function () {
  const input = document.getElementById("q");
  const list = document.getElementById("results");
  const count = document.getElementById("count");
  const rtl = /[\u0590-\u08ff]/;
  function run() {
    const words = lidFold(input.value).split(" ").filter(Boolean);
    list.textContent = "";
    if (!words.length) { count.textContent = ""; return; }
    const seen = new Set();
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
      li.append(resource.replace(/s$/, "") + ": ", a);
      if (text !== label) {
        const m = document.createElement("span");
        m.className = "matched";
        m.textContent = " · " + text;
        if (rtl.test(text)) m.dir = "auto";
        li.append(m);
      }
      list.append(li);
    }
    count.textContent = seen.size + (seen.size === 1 ? " record" : " records");
  }
  input.addEventListener("input", run);
  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; }
  run();
})();
