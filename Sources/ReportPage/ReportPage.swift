import Affinity
import Foundation
import PaperCorpus

/// One self-contained HTML page of a span of papers: the topic map, the similarity heatmap,
/// the topic timeline (for several days), "for you" (when papers are liked) and the groups as a
/// list.
///
/// ```swift
/// let page = ReportPage(map: try recommender.topicMap(of: .matching(filter)), title: "2024-06-18")
/// try page.html().write(to: url, atomically: true, encoding: .utf8)
/// ```
///
/// The page needs no network: styles, the SVG pictures and a small script are inline; only the
/// papers' links go to arXiv. Everything is readable without the script (each mark has a
/// native tooltip, the list has every paper); the script adds a tooltip on hover and keyboard
/// focus. The same input gives the same bytes.
public struct ReportPage: Sendable {
  /// The papers on the map, grouped.
  public let map: TopicMap
  /// What the page is about, e.g. `2024-06-18` or `2024-06-01 to 2024-06-30`.
  public let title: String
  /// The span's papers ranked for the liked papers (empty when none are liked).
  public let forYou: [Recommendation]
  /// The liked papers' titles by id, to name the ones a recommendation is near.
  public let likedTitles: [ArxivID: String]

  /// Creates a page.
  public init(
    map: TopicMap, title: String, forYou: [Recommendation] = [],
    likedTitles: [ArxivID: String] = [:]
  ) {
    self.map = map
    self.title = title
    self.forYou = forYou
    self.likedTitles = likedTitles
  }

  /// The whole page.
  public func html() -> String {
    let papers = map.points.count
    let groups = map.topics.groups.count
    var sections = [mapSection(), heatmapSection()]
    if map.topics.days.count > 1 { sections.append(timelineSection()) }
    if !forYou.isEmpty { sections.append(forYouSection()) }
    sections.append(groupsSection())
    let navigation = [
      ("map", "Map"), ("similarities", "Similarities"),
      map.topics.days.count > 1 ? ("timeline", "Timeline") : nil,
      forYou.isEmpty ? nil : ("for-you", "For you"), ("groups", "Groups"),
    ].compactMap { $0 }.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " ")
    return """
      <!doctype html>
      <html lang="ko">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="affinity report">
      <title>Affinity · \(HTML.escape(title))</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <header>
      <h1>Papers of \(HTML.escape(title))</h1>
      <p class="summary">\(papers) paper\(papers == 1 ? "" : "s") in \(groups) topic group\(groups == 1 ? "" : "s")\(map.topics.days.count > 1 ? " over \(map.topics.days.count) days" : "")\(map.topics.method == .hierarchical ? ", as a hierarchy" : "").</p>
      <nav>\(navigation)</nav>
      </header>
      <main>
      \(sections.joined(separator: "\n"))
      </main>
      <footer>Made by Affinity from the papers' titles and summaries; links go to arXiv.</footer>
      <div id="tip" role="tooltip" hidden></div>
      <script>\(Self.script)</script>
      </body>
      </html>

      """
  }

  /// A group's label as text: its terms joined, or a note when it has none.
  static func label(_ group: TopicGroup) -> String {
    group.label.isEmpty ? "(no shared terms)" : group.label.joined(separator: " · ")
  }

  /// The page's styles: a single column that fits a phone, two on wide screens.
  static let style = """
    :root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#0969da;font-family:system-ui,\
    -apple-system,"Segoe UI","Noto Sans","Noto Sans KR","Apple SD Gothic Neo",sans-serif;\
    color:var(--ink);line-height:1.45}
    body{margin:0 auto;max-width:1200px;padding:0 16px 48px}
    header{padding:16px 0 8px;border-bottom:1px solid var(--line)}
    h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:28px 0 8px}
    h3{font-size:1.05rem;margin:18px 0 6px}h4,h5,h6{font-size:1rem;margin:12px 0 4px}
    .summary{margin:0;color:var(--muted)}nav a{margin-right:12px;color:var(--accent)}
    figure{margin:0}svg{display:block;width:100%;height:auto}
    .map{border:1px solid var(--line);border-radius:8px;background:#fff}
    .mark{cursor:pointer}.mark>*{stroke:#fff;stroke-width:.8}
    .mark:hover>*,.mark:focus>*{stroke:#000;stroke-width:2.5}.mark:focus{outline:none}
    .maplabel{font-size:15px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:4px;\
    stroke-linejoin:round;fill:#1f2328;pointer-events:none}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;padding:8px 0;margin:0;list-style:none;\
    font-size:.9rem}.legend svg{display:inline;width:14px;height:14px;vertical-align:-2px}
    .scale{font-size:.85rem;color:var(--muted)}
    .heatmap text,.timeline text{font-size:11px;fill:var(--muted)}
    svg.heatmap{max-width:760px}
    .group{border-left:4px solid var(--line);padding-left:10px;margin:10px 0}
    .group ol{padding-left:1.4em;margin:4px 0}.group li{margin:2px 0}
    .meta{color:var(--muted);font-size:.85rem;margin-left:6px}
    .size{color:var(--muted);font-weight:400;font-size:.9rem}
    .reason{color:var(--muted);font-size:.9rem}
    #tip{position:absolute;max-width:340px;background:#fff;border:1px solid var(--line);\
    border-radius:6px;padding:6px 8px;font-size:.85rem;box-shadow:0 2px 8px rgba(0,0,0,.15);\
    pointer-events:none;z-index:2}
    #tip b{display:block;margin-bottom:2px}
    footer{margin-top:32px;color:var(--muted);font-size:.85rem}
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
    @media (max-width:700px){svg.map{min-width:760px}svg.heatmap,svg.timeline{min-width:560px}}
    """

  /// The tooltip: shown on hover and on keyboard focus of a mark, from its data attributes.
  static let script = """
    (function(){var tip=document.getElementById('tip');
    function show(e){var m=e.target.closest('.mark');if(!m)return;
    tip.innerHTML='';var b=document.createElement('b');b.textContent=m.dataset.title;
    tip.appendChild(b);var p=document.createElement('div');
    p.textContent=m.dataset.id+' · '+m.dataset.date+(m.dataset.votes?' · '+m.dataset.votes+' votes':'')
    +(m.dataset.authors?' · '+m.dataset.authors:'')+(m.dataset.group?' · '+m.dataset.group:'');
    tip.appendChild(p);tip.hidden=false;var r=m.getBoundingClientRect();
    var x=window.scrollX+r.right+8,y=window.scrollY+r.top-8;
    if(x+350>window.scrollX+document.documentElement.clientWidth)x=Math.max(window.scrollX,window.scrollX+r.left-350);
    tip.style.left=x+'px';tip.style.top=y+'px';}
    function hide(){tip.hidden=true;}
    document.querySelectorAll('.mark').forEach(function(m){m.addEventListener('mouseenter',show);
    m.addEventListener('focus',show);m.addEventListener('mouseleave',hide);m.addEventListener('blur',hide);});
    document.body.dataset.ready='1';})();
    """
}
