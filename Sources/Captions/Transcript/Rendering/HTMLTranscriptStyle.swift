/// The inline style sheet and script of the HTML transcript page.
///
/// Colours meet WCAG contrast (body text above 15:1, muted text and links
/// above 7:1, in both colour schemes); the text column is about 70
/// characters wide; on wide screens the times sit in a margin of their own,
/// so the words line up.
enum HTMLTranscriptStyle {
    static let css = """
        :root { --text: #1a1a1a; --muted: #545454; --background: #fcfcfa; --accent: #0a4a80; --rule: #d6d6d0; --current: #fff1b8; --current-edge: #7a5c00; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #ededed; --muted: #b8b8b8; --background: #141414; --accent: #9ecbff; --rule: #3c3c3c; --current: #3a3010; --current-edge: #e0c060; }
        }
        html { background: var(--background); color: var(--text); }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; font-size: 1.125rem; line-height: 1.65; }
        main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
        h2 { font-size: 1.25rem; margin: 2.5rem 0 1.25rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--rule); }
        .details { display: flex; flex-wrap: wrap; gap: 0.25rem 1.75rem; margin: 0; color: var(--muted); font-size: 1rem; }
        .details div { display: flex; gap: 0.4rem; }
        .details dt { font-weight: 600; }
        .details dt::after { content: ":"; }
        .details dd { margin: 0; }
        #transcript p { margin: 0 0 1.15rem; }
        .speaker, .description .label { font-weight: 700; }
        .speaker { color: var(--accent); }
        .time { color: var(--muted); font-size: 0.85rem; font-variant-numeric: tabular-nums; white-space: nowrap; margin-right: 0.35rem; }
        a { color: var(--accent); }
        a.time { color: var(--muted); }
        span.sound { font-style: italic; color: var(--muted); }
        p.description { border-left: 0.25rem solid var(--muted); padding-left: 0.9rem; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        @media (min-width: 56rem) {
          main { padding-left: 6.5rem; }
          #transcript .time { float: left; width: 4.75rem; margin-left: -5.5rem; text-align: right; line-height: 1.95; }
        }
        @media print {
          html { background: #fff; color: #000; }
          .player, .follow { display: none; }
          a { color: inherit; text-decoration: none; }
          #transcript p { break-inside: avoid; }
        }

        """

    /// Added when the page has a player.
    static let playerCSS = """
        .player { position: sticky; top: 0; z-index: 1; background: var(--background); padding: 0.75rem 0; border-bottom: 1px solid var(--rule); }
        .player video { display: block; width: 100%; max-height: 35vh; background: #000; }
        .player audio { display: block; width: 100%; }
        .follow { display: block; margin-top: 0.5rem; font-size: 1rem; }
        html.has-player { scroll-padding-top: 48vh; }
        @media (min-width: 56rem) { .player { margin-left: -6.5rem; padding-left: 6.5rem; } }
        button.time { font: inherit; font-size: 0.85rem; background: none; border: 0; padding: 0; cursor: pointer; color: var(--accent); text-decoration: underline; }
        #transcript p[aria-current="true"] { background: var(--current); box-shadow: 0 0 0 0.4rem var(--current); outline: 2px solid var(--current-edge); outline-offset: 0.4rem; }

        """

    /// Progressive enhancement for a page with a player; the page reads the
    /// same without it.
    static let script = """
        (function () {
          "use strict";
          var player = document.getElementById("player");
          if (!player || typeof player.play !== "function") { return; }
          document.documentElement.classList.add("has-player");
          var paragraphs = Array.prototype.slice.call(document.querySelectorAll("#transcript p[data-start]"));
          // The time links become buttons that play the recording here from that time.
          Array.prototype.forEach.call(document.querySelectorAll("#transcript a.time"), function (link) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "time";
            var start = Number(link.parentNode.getAttribute("data-start"));
            while (link.firstChild) { button.appendChild(link.firstChild); }
            link.parentNode.replaceChild(button, link);
            button.addEventListener("click", function () {
              player.currentTime = start;
              var playing = player.play();
              if (playing && playing.catch) { playing.catch(function () {}); }
            });
          });
          // Scrolling along is the reader's choice, and off until chosen.
          var label = document.createElement("label");
          label.className = "follow";
          var follow = document.createElement("input");
          follow.type = "checkbox";
          label.appendChild(follow);
          label.appendChild(document.createTextNode(" Scroll the transcript along with the recording"));
          player.parentNode.appendChild(label);
          var current = null;
          function update() {
            var now = player.currentTime, found = null;
            for (var i = 0; i < paragraphs.length; i += 1) {
              if (Number(paragraphs[i].getAttribute("data-start")) <= now) { found = paragraphs[i]; } else { break; }
            }
            if (found === current) { return; }
            if (current) { current.removeAttribute("aria-current"); }
            if (found) {
              found.setAttribute("aria-current", "true");
              if (follow.checked) { found.scrollIntoView({ block: "nearest" }); }
            }
            current = found;
          }
          player.addEventListener("timeupdate", update);
          player.addEventListener("seeked", update);
        })();

        """
}
