"""Blind layouts for the article-extraction quality check, written for this project.

Ten page templates modelled on the kinds of markup that French news sites use in 2024-2026
(a Next.js site with ``__NEXT_DATA__``, a Le Monde-like layout, a WordPress theme with Yoast
JSON-LD, Drupal 9, an Arc-like site with ``data-testid`` and ad slots, a regional weekly whose
date is only in the text, a magazine with figures, pull-quote and an embedded tweet, a business
daily with intertitles and SEO titles, a page behind a consent modal and a paywall, an old
ISO-8859-1 SPIP site). The markup was written by hand from general knowledge of these CMSs and
themes, not copied from real pages; every site name, headline, comment and footer line of the
furniture is invented.

They are filled like tests.crawler.layouts (``render`` and its ``fields`` dict) and were written
without looking at the extractor, so its rules cannot have been tuned to them.

- ``BLIND_LAYOUTS``: name -> ``string.Template`` of a full page.
- ``BLIND_BOILERPLATE``: name -> exact furniture strings that must not reach the main text.
- ``BLIND_ENCODING``: name -> encoding the page is served in when it is not UTF-8 (the charset
  is declared only in a meta tag, not in the HTTP header).
"""

from __future__ import annotations

from string import Template

# A Next.js (pages router) site: CSS-module class names, React comment separators, and the whole
# page state (article metadata, navigation, most-read, newsletter) in __NEXT_DATA__.
NEXTJS = Template("""<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>$title - Le Décrypteur</title>
<meta name="description" content="$lead_attr"/><meta property="og:type" content="article"/><meta property="og:title" content="$title_attr"/>
<meta property="og:site_name" content="Le Décrypteur"/><link rel="canonical" href="https://www.ledecrypteur.example/articles/$slug"/>
<link rel="preload" href="/_next/static/media/inter-latin.p.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>
<link rel="stylesheet" href="/_next/static/css/5c1e7a3b9d2f4e10.css" data-n-g=""/><noscript data-n-css=""></noscript>
<script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script>
<script src="/_next/static/chunks/webpack-8fa1640cc84ba8fe.js" defer=""></script>
<script src="/_next/static/chunks/framework-2c79e2a64abdb08b.js" defer=""></script>
<script src="/_next/static/chunks/main-0ecb9ccfcb6c9b24.js" defer=""></script>
<script src="/_next/static/chunks/pages/%5Bsection%5D/%5Bslug%5D-3a1f0c2b7e9d8a64.js" defer=""></script>
</head><body>
<div id="__next"><div class="Layout_wrapper__r4Qz1">
<header class="Header_header__Xk2pL"><a class="Header_logo__9dJ3a" href="/">Le Décrypteur</a>
<nav class="Header_nav__m1VbQ" aria-label="Rubriques"><ul><li><a href="/economie">Économie</a></li><li><a href="/tech">Tech</a></li><li><a href="/politique">Politique</a></li><li><a href="/international">International</a></li><li><a href="/enquetes">Nos enquêtes</a></li></ul></nav>
<a class="Button_primary__a7KcE" href="/abonnement">S&#x27;abonner</a></header>
<main class="ArticlePage_main__Qd7w0">
<article class="ArticlePage_article__2bHsT">
<div class="ArticleHeader_root__pYt4c"><a class="ArticleHeader_kicker__f0Vn8" href="/rubrique">$section</a>
<h1 class="ArticleHeader_title__x7Kp2">$title</h1>
<p class="ArticleHeader_lead__Lm3sD">$lead</p>
<div class="ArticleHeader_meta__Wc9eR"><span class="Byline_author__k2PzA">Par <!-- -->$author</span><time dateTime="$date" class="Byline_date__Hs1Qe">Publié le <!-- -->$date_fr<!-- --> à <!-- -->$hm</time><span class="Byline_updated__n8Tfb">Mis à jour le <!-- -->$upd_fr</span><span class="Byline_reading__u4XyM">Lecture : 4 min</span></div></div>
<div class="ArticleBody_body__3fG9a">
$p0
$p1
<aside class="ArticleBody_related__T6pLc"><span class="ArticleBody_relatedLabel__cJ5oq">À lire aussi</span><a href="/economie/les-levees-de-fonds-de-la-french-tech-reculent">Les levées de fonds de la French Tech reculent pour la deuxième année</a></aside>
$p2
<div class="AdSlot_root__eV2wN" data-slot="inread"><span class="AdSlot_label__Gk7dM">Publicité</span></div>
$rest
</div>
<div class="ArticleFooter_tags__q1Zy8"><a href="/tag/entreprises">Entreprises</a><a href="/tag/numerique">Numérique</a><a href="/tag/emploi">Emploi</a></div>
<div class="Newsletter_box__h3RtV"><p class="Newsletter_title__Ua9bN">Chaque matin, l&#x27;essentiel de l&#x27;actualité économique dans votre boîte mail.</p><form><input type="email" placeholder="Votre adresse e-mail"/><button type="submit">Je m&#x27;inscris</button></form></div>
</article>
<aside class="ArticlePage_aside__b6Qe1"><h2 class="MostRead_title__Pq2Lx">Les plus lus</h2><ol class="MostRead_list__z0RtC"><li><a href="/economie/prix-de-l-electricite-ce-qui-change-au-1er-fevrier">Prix de l&#x27;électricité : ce qui change au 1er février</a></li><li><a href="/tech/les-jeunes-diplomes-boudent-les-esn">Les jeunes diplômés boudent les ESN</a></li><li><a href="/politique/budget-le-senat-adopte-la-partie-recettes">Budget : le Sénat adopte la partie recettes</a></li></ol></aside>
</main>
<footer class="Footer_root__Ys8mC"><p>© 2025 Le Décrypteur, média indépendant financé par ses lecteurs.</p><ul><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/cgu">CGU</a></li><li><a href="/confidentialite">Gestion des cookies</a></li></ul></footer>
</div></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"article":{"id":"a5f3c2e1-7b9d-4c1a-9e2f-3d8b6a0c4f17","slug":"$slug","title":"$title_json","seoTitle":"$title_json - Le Décrypteur","lead":"$lead","publishedAt":"$date","updatedAt":"$upd","readingTime":4,"section":{"name":"$section","slug":"rubrique"},"authors":[{"name":"$author","slug":"redaction","bio":"Journaliste au service Économie du Décrypteur."}],"tags":["Entreprises","Numérique","Emploi"],"isPremium":false,"cover":{"url":"https://cdn.ledecrypteur.example/covers/$slug.jpg","width":1600,"height":900,"credit":"Le Décrypteur"},"related":[{"title":"Les levées de fonds de la French Tech reculent pour la deuxième année","slug":"les-levees-de-fonds-de-la-french-tech-reculent","section":"Économie"}]},"mostRead":[{"title":"Prix de l'électricité : ce qui change au 1er février","slug":"prix-de-l-electricite-ce-qui-change-au-1er-fevrier"},{"title":"Les jeunes diplômés boudent les ESN","slug":"les-jeunes-diplomes-boudent-les-esn"},{"title":"Budget : le Sénat adopte la partie recettes","slug":"budget-le-senat-adopte-la-partie-recettes"}],"newsletter":{"title":"Chaque matin, l'essentiel de l'actualité économique dans votre boîte mail.","cta":"Je m'inscris"},"navigation":[{"label":"Économie","href":"/economie"},{"label":"Tech","href":"/tech"},{"label":"Politique","href":"/politique"},{"label":"International","href":"/international"},{"label":"Nos enquêtes","href":"/enquetes"}],"footer":{"baseline":"média indépendant financé par ses lecteurs."}},"__N_SSP":true},"page":"/[section]/[slug]","query":{"section":"rubrique","slug":"$slug"},"buildId":"Hq3Zk9VwT2pXmR7sY1bLc","isFallback":false,"gssp":true,"locale":"fr","locales":["fr"],"defaultLocale":"fr","scriptLoader":[]}</script>
</body></html>""")

# A Le Monde-like layout: article__* classes, "Lire aussi" links as article__paragraph inside the
# body, "Article réservé aux abonnés", a paywall box right after the body, services and footer.
LEMONDE_LIKE = Template("""<!DOCTYPE html><html lang="fr" prefix="og: http://ogp.me/ns#"><head><meta charset="UTF-8">
<title>$title</title>
<meta name="description" content="$lead_attr">
<meta property="og:title" content="$title_attr"><meta property="og:type" content="article"><meta property="og:site_name" content="Le Courrier national">
<meta property="article:published_time" content="$date"><meta property="article:modified_time" content="$upd"><meta property="article:section" content="$section">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","mainEntityOfPage":{"@type":"WebPage","@id":"https://www.courrier-national.example/economie/article/$date_day/${slug}_6242817_3234.html"},"headline":"$title_json","description":"$lead","datePublished":"$date","dateModified":"$upd","author":[{"@type":"Person","name":"$author"}],"publisher":{"@type":"Organization","name":"Le Courrier national","logo":{"@type":"ImageObject","url":"https://www.courrier-national.example/img/logo-amp.png"}},"isAccessibleForFree":false,"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".article__content--restricted"}}</script>
</head><body class="article article--abo">
<div class="tiny-header"><a class="logo" href="/">Le Courrier national</a><div class="tiny-header__right"><a class="button button--subscribe" href="/abonnement/">S’abonner</a><a class="button button--login" href="/connexion/">Se connecter</a></div></div>
<nav class="nav"><ul class="nav__list"><li class="nav__item"><a href="/international/">International</a></li><li class="nav__item"><a href="/planete/">Planète</a></li><li class="nav__item"><a href="/politique/">Politique</a></li><li class="nav__item"><a href="/societe/">Société</a></li><li class="nav__item"><a href="/economie/">Économie</a></li><li class="nav__item"><a href="/idees/">Idées</a></li><li class="nav__item"><a href="/m-le-mag/">Le Mag du week-end</a></li></ul></nav>
<main id="garde" class="zone zone--article"><section class="zone--article">
<header class="article__header"><ul class="breadcrumb"><li class="breadcrumb__parent"><a href="/economie/">Économie</a></li><li class="breadcrumb__item"><a href="/entreprises/">$section</a></li></ul>
<h1 class="article__title">$title</h1>
<p class="article__desc">$lead</p>
<div class="article__status"><span class="icon__premium"></span><p class="article__status-label">Article réservé aux abonnés</p></div>
<section class="meta meta__publisher"><span class="meta__author"><a class="article__author-link" href="/signataires/">$author</a></span><span class="meta__date meta__date--header">Publié le $date_fr à $hm, modifié le $upd_fr</span><span class="meta__reading-time"><span class="sr-only">Temps de</span> Lecture 3 min.</span></section>
<section class="article__actions"><button class="article__action">Offrir l’article</button><button class="article__action">Lire plus tard</button><button class="article__action">Partager</button></section>
</header>
<figure class="article__media"><img src="https://img.courrier-national.example/upload/2024/photo.jpg" alt="" width="664" height="443"><figcaption class="article__legend">Lors d’une conférence de presse, à Paris. <span class="article__credit">STÉPHANE RIVIÈRE / AGENCE VUES</span></figcaption></figure>
<article class="article__content old__article-content-single article__content--restricted">
$p0
$p1
<p class="article__paragraph "><span class="icon__premium"></span>Lire aussi | <a class="js-article-read-also" href="/economie/article/2024/06/02/demande-mondiale_6237001_3234.html">Les entreprises françaises face au ralentissement de la demande mondiale</a></p>
$p2
$rest
<p class="article__paragraph ">Lire aussi | <a class="js-article-read-also" href="/pixels/article/2024/05/21/rancongiciels_6234410_4408996.html">Cybersécurité : les PME restent la cible privilégiée des rançongiciels</a></p>
<footer class="article__footer-single"><p class="article__footer-single-signature"><span class="author__name">$author</span></p></footer>
</article>
<section class="paywall paywall--bottom"><p class="paywall__message">Cet article vous est offert par un abonné. La suite de nos enquêtes est réservée aux abonnés.</p><a class="paywall__link" href="/abonnement/">Découvrir les offres</a> <a class="paywall__login" href="/connexion/">Déjà abonné ? Se connecter</a></section>
<section class="article__reactions"><p class="article__reactions-title">Contribuer</p><p>Réutiliser ce contenu</p></section>
</section>
<aside class="aside__iso"><section class="services-aside"><h3 class="services-aside__title">Services</h3><ul><li>Cours d’anglais en ligne</li><li>Mots croisés et sudokus</li><li>Codes promo</li></ul></section>
<section class="aside__most-read"><h3>Les plus lus</h3><ol><li><a href="#">Retraites : le gouvernement prépare un nouveau calendrier</a></li><li><a href="#">Dans les Alpes, les stations de moyenne montagne cherchent un second souffle</a></li></ol></section></aside>
</main>
<footer class="footer"><p class="footer__legal">Le Courrier national est édité par la Société éditrice du Courrier. Toute reproduction est interdite.</p><ul class="footer__links"><li>Mentions légales</li><li>Charte du Groupe</li><li>Politique de confidentialité</li><li>Gestion des cookies</li></ul></footer>
</body></html>""")

# A WordPress news theme (JNews-like) with the Yoast SEO @graph, a top bar showing today's date,
# an Easy-Table-of-Contents box and intertitles, an inline related post inside the content, an
# author box, "Sur le même sujet" cards (each an <article>), comments and the comment form.
WP_YOAST = Template("""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title - InfoDSI</title>
<!-- This site is optimized with the Yoast SEO plugin v22.9 - https://yoast.com/wordpress/plugins/seo/ -->
<meta name="description" content="$lead_attr">
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1">
<link rel="canonical" href="https://www.infodsi.example/$slug/">
<meta property="og:locale" content="fr_FR"><meta property="og:type" content="article"><meta property="og:title" content="$title_attr - InfoDSI"><meta property="og:description" content="$lead_attr"><meta property="og:url" content="https://www.infodsi.example/$slug/"><meta property="og:site_name" content="InfoDSI">
<meta property="article:publisher" content="https://www.facebook.com/infodsi"><meta property="article:published_time" content="$date"><meta property="article:modified_time" content="$upd">
<meta name="author" content="$author"><meta name="twitter:card" content="summary_large_image"><meta name="twitter:label1" content="Écrit par"><meta name="twitter:data1" content="$author"><meta name="twitter:label2" content="Durée de lecture estimée"><meta name="twitter:data2" content="4 minutes">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":"https://www.infodsi.example/$slug/#article","isPartOf":{"@id":"https://www.infodsi.example/$slug/"},"author":{"name":"$author","@id":"https://www.infodsi.example/#/schema/person/5e1f0a9c2b"},"headline":"$title_json","datePublished":"$date","dateModified":"$upd","mainEntityOfPage":{"@id":"https://www.infodsi.example/$slug/"},"wordCount":734,"commentCount":2,"publisher":{"@id":"https://www.infodsi.example/#organization"},"image":{"@id":"https://www.infodsi.example/$slug/#primaryimage"},"keywords":["DSI","Entreprises","Stratégie"],"articleSection":["$section"],"inLanguage":"fr-FR"},{"@type":"WebPage","@id":"https://www.infodsi.example/$slug/","url":"https://www.infodsi.example/$slug/","name":"$title_json - InfoDSI","isPartOf":{"@id":"https://www.infodsi.example/#website"},"primaryImageOfPage":{"@id":"https://www.infodsi.example/$slug/#primaryimage"},"datePublished":"$date","dateModified":"$upd","description":"$lead","breadcrumb":{"@id":"https://www.infodsi.example/$slug/#breadcrumb"},"inLanguage":"fr-FR","potentialAction":[{"@type":"ReadAction","target":["https://www.infodsi.example/$slug/"]}]},{"@type":"ImageObject","inLanguage":"fr-FR","@id":"https://www.infodsi.example/$slug/#primaryimage","url":"https://www.infodsi.example/wp-content/uploads/2024/09/illustration.jpg","width":1200,"height":600},{"@type":"BreadcrumbList","@id":"https://www.infodsi.example/$slug/#breadcrumb","itemListElement":[{"@type":"ListItem","position":1,"name":"Accueil","item":"https://www.infodsi.example/"},{"@type":"ListItem","position":2,"name":"$section","item":"https://www.infodsi.example/rubrique/"},{"@type":"ListItem","position":3,"name":"$title_json"}]},{"@type":"WebSite","@id":"https://www.infodsi.example/#website","url":"https://www.infodsi.example/","name":"InfoDSI","description":"Le média des décideurs informatiques","publisher":{"@id":"https://www.infodsi.example/#organization"},"inLanguage":"fr-FR"},{"@type":"Organization","@id":"https://www.infodsi.example/#organization","name":"InfoDSI","url":"https://www.infodsi.example/","logo":{"@type":"ImageObject","inLanguage":"fr-FR","url":"https://www.infodsi.example/wp-content/uploads/2023/02/logo-infodsi.png","width":600,"height":120,"caption":"InfoDSI"},"sameAs":["https://www.linkedin.com/company/infodsi","https://x.com/infodsi"]},{"@type":"Person","@id":"https://www.infodsi.example/#/schema/person/5e1f0a9c2b","name":"$author","description":"Journaliste à InfoDSI, spécialiste des infrastructures et des services numériques.","url":"https://www.infodsi.example/author/redaction/"}]}</script>
<!-- / Yoast SEO plugin. -->
<link rel='stylesheet' id='jnews-frontend-css' href='https://www.infodsi.example/wp-content/themes/jnews/assets/dist/frontend.min.css?ver=11.6.1' type='text/css' media='all' />
<link rel='stylesheet' id='ez-toc-css' href='https://www.infodsi.example/wp-content/plugins/easy-table-of-contents/assets/css/screen.min.css?ver=2.0.68.1' type='text/css' media='all' />
</head>
<body class="post-template-default single single-post postid-48213 single-format-standard jeg_single_tpl_2 jnews jsc_normal">
<div class="jeg_viewport"><div class="jeg_header_wrapper"><div class="jeg_header normal">
<div class="jeg_topbar jeg_container"><div class="container"><div class="jeg_nav_row"><div class="jeg_nav_item jeg_top_date">jeudi, juillet 3, 2025</div>
<ul class="jeg_menu jeg_top_menu"><li class="menu-item"><a href="/a-propos/">À propos</a></li><li class="menu-item"><a href="/contact/">Contact</a></li><li class="menu-item"><a href="/publicite/">Annoncer sur InfoDSI</a></li></ul></div></div></div>
<div class="jeg_midbar jeg_container"><div class="container"><div class="jeg_nav_item jeg_logo jeg_desktop_logo"><h2 class="site-title"><a href="https://www.infodsi.example/" rel="home">InfoDSI</a></h2></div></div></div>
<div class="jeg_bottombar jeg_navbar jeg_container"><div class="container"><div class="jeg_main_menu_wrapper"><ul class="jeg_menu jeg_main_menu jeg_menu_style_1"><li class="menu-item"><a href="/cloud/">Cloud</a></li><li class="menu-item"><a href="/cybersecurite/">Cybersécurité</a></li><li class="menu-item"><a href="/data-ia/">Data &amp; IA</a></li><li class="menu-item"><a href="/transformation/">Transformation</a></li><li class="menu-item"><a href="/carrieres/">Carrières</a></li><li class="menu-item"><a href="/webinars/">Webinars</a></li></ul></div></div></div>
</div></div>
<div class="jeg_main"><div class="jeg_container"><div class="jeg_content jeg_singlepage"><div class="container">
<div class="jeg_breadcrumbs jeg_breadcrumb_container"><div id="breadcrumbs"><span><span><a href="https://www.infodsi.example/">Accueil</a></span> » <span><a href="https://www.infodsi.example/rubrique/">$section</a></span> » <span class="breadcrumb_last" aria-current="page">$title</span></span></div></div>
<div class="row"><div class="jeg_main_content col-md-8"><div class="jeg_inner_content">
<div class="entry-header"><div class="jeg_meta_category"><span><a href="https://www.infodsi.example/rubrique/" rel="category tag">$section</a></span></div>
<h1 class="jeg_post_title">$title</h1>
<h2 class="jeg_post_subtitle">$lead</h2>
<div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1"><div class="meta_left"><div class="jeg_meta_author"><span class="meta_text">par</span> <a href="https://www.infodsi.example/author/redaction/">$author</a></div><div class="jeg_meta_date"><a href="https://www.infodsi.example/$slug/">$date_fr</a></div></div><div class="meta_right"><div class="jeg_meta_comment"><a href="#comments"><i class="fa fa-comment-o"></i> 2</a></div></div></div></div></div>
<div class="jeg_share_top_container"><div class="jeg_share_button clearfix"><div class="jeg_sharelist"><a href="#" class="jeg_btn-facebook expanded"><span>Partager sur Facebook</span></a><a href="#" class="jeg_btn-linkedin expanded"><span>Partager sur LinkedIn</span></a><a href="#" class="jeg_btn-twitter"><span>Partager sur X</span></a></div></div></div>
<div class="jeg_featured featured_image"><div class="thumbnail-container"><img width="750" height="375" src="https://www.infodsi.example/wp-content/uploads/2024/09/illustration-750x375.jpg" class="attachment-jnews-750x375 size-jnews-750x375 wp-post-image" alt="" decoding="async" fetchpriority="high"></div><p class="wp-caption-text">Illustration : banque d’images InfoDSI</p></div>
<div class="jeg_ad jeg_article jnews_content_top_ads "><div class="ads-wrapper"><div class="ads_code">Publicité</div></div></div>
<div class="entry-content no-share"><div class="jeg_share_button share-float jeg_sticky_share clearfix share-monocrhome"></div>
<div class="content-inner ">
$p0
<div id="ez-toc-container" class="ez-toc-v2_0_68_1 counter-hierarchy ez-toc-counter ez-toc-grey ez-toc-container-direction"><div class="ez-toc-title-container"><p class="ez-toc-title" style="cursor:inherit">Table des matières</p><span class="ez-toc-title-toggle"><a href="#" class="ez-toc-pull-right ez-toc-btn ez-toc-btn-xs ez-toc-btn-default ez-toc-toggle" aria-label="Basculer la table des matières"><span class="ez-toc-js-icon-con"></span></a></span></div><nav><ul class="ez-toc-list ez-toc-list-level-1"><li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-1" href="#Ce_que_prevoit_lannonce">Ce que prévoit l’annonce</a></li><li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-2" href="#Les_reactions_du_marche">Les réactions du marché</a></li></ul></nav></div>
<h2><span class="ez-toc-section" id="Ce_que_prevoit_lannonce"></span>Ce que prévoit l’annonce<span class="ez-toc-section-end"></span></h2>
$p1
<div class="jnews_inline_related_post_wrapper"><div class="jnews_inline_related_post"><div class="jeg_postblock_29 jeg_postblock jeg_module_hook jeg_pagination_nextprev jeg_col_2o3"><div class="jeg_block_heading jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>À lire aussi</span></h3></div><div class="jeg_block_container"><div class="jeg_posts"><article class="jeg_post jeg_pl_xs_4 format-standard"><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="https://www.infodsi.example/depenses-cloud-europe/">Cloud : les dépenses des entreprises européennes ralentissent</a></h3></div></article></div></div></div></div></div>
$p2
<h2><span class="ez-toc-section" id="Les_reactions_du_marche"></span>Les réactions du marché<span class="ez-toc-section-end"></span></h2>
$rest
<div class="jeg_post_tags"><span>Étiquettes :</span> <a href="https://www.infodsi.example/tag/dsi/" rel="tag">DSI</a><a href="https://www.infodsi.example/tag/entreprises/" rel="tag">Entreprises</a><a href="https://www.infodsi.example/tag/strategie/" rel="tag">Stratégie</a></div>
</div></div>
<div class="jeg_authorbox"><div class="jeg_author_image"><img alt="" src="https://www.infodsi.example/wp-content/uploads/2023/03/avatar-redaction-80x80.jpg" class="avatar avatar-80 photo" height="80" width="80" loading="lazy" decoding="async"></div><div class="jeg_author_content"><h3 class="jeg_author_name"><a href="https://www.infodsi.example/author/redaction/">$author</a></h3><p class="jeg_author_desc">Journaliste à InfoDSI depuis 2016, spécialiste des infrastructures et des services numériques. Auparavant chef de rubrique dans la presse informatique professionnelle.</p><div class="jeg_author_socials"><a target="_blank" href="#" class="linkedin"><i class="fa fa-linkedin"></i></a><a target="_blank" href="#" class="twitter"><i class="fa fa-twitter"></i></a></div></div></div>
<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock jeg_module_hook jeg_pagination_disable jeg_col_2o3"><div class="jeg_block_heading jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>Sur le même sujet</span></h3></div><div class="jeg_block_container"><div class="jeg_posts_wrap"><div class="jeg_posts jeg_load_more_flag">
<article class="jeg_post jeg_pl_md_5 format-standard"><div class="jeg_thumb"><a href="https://www.infodsi.example/sap-hausse-tarifs/"><div class="thumbnail-container animate-lazy size-715"><img src="https://www.infodsi.example/wp-content/uploads/2024/08/sap-350x250.jpg" alt=""></div></a></div><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="https://www.infodsi.example/sap-hausse-tarifs/">Licences SAP : les clients français dénoncent une hausse des tarifs</a></h3><div class="jeg_post_meta"><div class="jeg_meta_date"><a href="https://www.infodsi.example/sap-hausse-tarifs/"><i class="fa fa-clock-o"></i> 2 septembre 2024</a></div></div></div></article>
<article class="jeg_post jeg_pl_md_5 format-standard"><div class="jeg_thumb"><a href="https://www.infodsi.example/dsi-budgets-2025/"><div class="thumbnail-container animate-lazy size-715"><img src="https://www.infodsi.example/wp-content/uploads/2024/07/budget-350x250.jpg" alt=""></div></a></div><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="https://www.infodsi.example/dsi-budgets-2025/">Budgets IT : les DSI anticipent une année de stabilité</a></h3><div class="jeg_post_meta"><div class="jeg_meta_date"><a href="https://www.infodsi.example/dsi-budgets-2025/"><i class="fa fa-clock-o"></i> 24 juillet 2024</a></div></div></div></article>
<article class="jeg_post jeg_pl_md_5 format-standard"><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="https://www.infodsi.example/souverainete-numerique/">Souveraineté numérique : l’État revoit sa doctrine cloud</a></h3></div></article>
</div></div></div></div></div>
<div id="comments" class="jeg_comments"><div class="comment-wrapper"><div class="jeg_commentlist"><h3 class="comment-heading">2 commentaires</h3><ol class="commentlist">
<li class="comment even thread-even depth-1" id="comment-10412"><div id="div-comment-10412" class="comment-body"><div class="comment-author vcard"><b class="fn">Pascal R.</b></div><div class="comment-meta commentmetadata"><a href="#comment-10412">il y a 2 jours</a></div><p>Encore une concentration de plus, les clients finiront par payer l’addition.</p><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Répondre</a></div></div></li>
<li class="comment odd alt thread-odd thread-alt depth-1" id="comment-10415"><div id="div-comment-10415" class="comment-body"><div class="comment-author vcard"><b class="fn">Isabelle</b></div><div class="comment-meta commentmetadata"><a href="#comment-10415">il y a 1 jour</a></div><p>Merci pour cet article clair, enfin quelqu’un qui explique les enjeux pour les clients.</p><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Répondre</a></div></div></li>
</ol></div>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Laisser un commentaire</h3><form action="https://www.infodsi.example/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Votre adresse e-mail ne sera pas publiée.</span> <span class="required-field-message">Les champs obligatoires sont indiqués avec <span class="required">*</span></span></p><p class="comment-form-comment"><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Laisser un commentaire"></p></form></div></div></div>
</div></div>
<div class="jeg_sidebar col-md-4"><div class="widget widget_jnews_module_block_21"><div class="jeg_block_heading"><h3 class="jeg_block_title"><span>Articles populaires</span></h3></div><div class="jeg_posts"><article class="jeg_post"><h3 class="jeg_post_title"><a href="#">Cybersécurité : les hôpitaux toujours en première ligne</a></h3></article><article class="jeg_post"><h3 class="jeg_post_title"><a href="#">Le marché des PC repart enfin à la hausse</a></h3></article></div></div>
<div class="widget widget_text"><div class="textwidget"><p>Recevez chaque lundi la lettre des décideurs IT.</p></div></div></div>
</div></div></div></div></div>
<div class="footer-holder" id="footer"><div class="jeg_footer jeg_footer_1 normal"><div class="jeg_footer_container jeg_container"><div class="jeg_footer_content"><div class="container"><p class="copyright">© 2025 InfoDSI - Tous droits réservés. Site hébergé en France.</p></div></div></div></div></div>
</div>
<script type='text/javascript' src='https://www.infodsi.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
</body></html>""")

# A Drupal 9 regional business site: field--name-body in the node, a custom block whose body
# also uses field--name-body (the agenda), a Simplenews "Newsletter" block right after the node,
# an entity-embedded teaser of another node inside the body, and a views list of related nodes.
DRUPAL9 = Template("""<!DOCTYPE html>
<html lang="fr" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  og: http://ogp.me/ns#  schema: http://schema.org/">
<head>
<meta charset="utf-8" />
<meta name="description" content="$lead_attr" />
<link rel="canonical" href="https://www.eco-atlantique.example/actualites/$slug" />
<meta property="og:site_name" content="Éco Atlantique" /><meta property="og:type" content="article" /><meta property="og:title" content="$title_attr" />
<meta property="article:published_time" content="$date" /><meta property="article:modified_time" content="$upd" />
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" /><meta name="HandheldFriendly" content="true" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="shortlink" href="https://www.eco-atlantique.example/node/4821" />
<title>$title | Éco Atlantique</title>
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_Q2x7yY1l0aBcD.css" />
</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Aller au contenu principal</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-ecoatl-branding" class="block block-system block-system-branding-block"><a href="/" rel="home" class="site-logo"><img src="/themes/custom/ecoatl/logo.svg" alt="Accueil" /></a><div class="site-name"><a href="/" rel="home">Éco Atlantique</a></div><div class="site-slogan">L’actualité économique du Grand Ouest</div></div></div>
<div class="region region-primary-menu"><nav role="navigation" aria-labelledby="block-ecoatl-main-menu-menu" id="block-ecoatl-main-menu"><h2 class="visually-hidden" id="block-ecoatl-main-menu-menu">Navigation principale</h2><ul class="menu menu--main nav"><li class="menu-item"><a href="/actualites" data-drupal-link-system-path="actualites">Actualités</a></li><li class="menu-item"><a href="/territoires" data-drupal-link-system-path="taxonomy/term/3">Territoires</a></li><li class="menu-item"><a href="/portraits" data-drupal-link-system-path="portraits">Portraits de dirigeants</a></li><li class="menu-item"><a href="/agenda" data-drupal-link-system-path="agenda">Agenda</a></li><li class="menu-item"><a href="/annonces-legales" data-drupal-link-system-path="node/12">Annonces légales</a></li></ul></nav></div></header>
<div class="region region-breadcrumb"><div id="block-ecoatl-breadcrumbs" class="block block-system block-system-breadcrumb-block"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Fil d'Ariane</h2><ol><li><a href="/">Accueil</a></li><li><a href="/actualites">Actualités</a></li></ol></nav></div></div>
<div data-drupal-messages-fallback class="hidden"></div>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="layout-content"><div class="region region-content">
<div id="block-ecoatl-page-title" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">$title</span></h1></div>
<div id="block-ecoatl-content" class="block block-system block-system-main-block">
<article data-history-node-id="4821" role="article" about="/actualites/$slug" class="node node--type-article node--promoted node--view-mode-full">
<div class="node__meta"><span class="field field--name-uid field--type-entity-reference field--label-hidden"><span>$author</span></span> <span class="field field--name-created field--type-created field--label-hidden">$date_short - $hm</span></div>
<div class="node__content">
<div class="field field--name-field-image field--type-image field--label-hidden field__item"><img loading="lazy" src="/sites/default/files/styles/large/public/2024-09/visuel-article.jpg" width="960" height="540" alt="" /></div>
<div class="field field--name-field-chapeau field--type-string-long field--label-hidden field__item">$lead</div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">$p0
$p1
<div class="embedded-entity" data-embed-button="node" data-entity-embed-display="view_mode:node.teaser" data-entity-type="node" data-langcode="fr"><article data-history-node-id="4790" role="article" about="/actualites/brest-filiere-navale" class="node node--type-article node--view-mode-teaser"><h2><a href="/actualites/brest-filiere-navale" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">À Brest, la filière navale peine à recruter des soudeurs</span></a></h2></article></div>
$p2
$rest
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Étiquettes</div><div class="field__items"><div class="field__item"><a href="/taxonomy/term/12" hreflang="fr">Industrie</a></div><div class="field__item"><a href="/taxonomy/term/31" hreflang="fr">Emploi</a></div><div class="field__item"><a href="/taxonomy/term/7" hreflang="fr">Investissement</a></div></div></div>
</div></article></div>
<div id="block-ecoatl-newsletter" class="block block-simplenews block-simplenews-subscription-block"><h2>Newsletter</h2><div class="content"><p>Recevez chaque vendredi l’essentiel de l’économie régionale.</p><form class="simplenews-subscriptions-block-3e5a" data-drupal-selector="simplenews-subscriptions-block-3e5a" action="/actualites/$slug" method="post" accept-charset="UTF-8"><div class="js-form-item form-item js-form-type-email form-type-email js-form-item-mail form-item-mail"><label for="edit-mail" class="js-form-required form-required">Adresse e-mail</label><input data-drupal-selector="edit-mail" type="email" id="edit-mail" name="mail" value="" size="60" maxlength="254" class="form-email required" required="required" aria-required="true" /></div><input data-drupal-selector="edit-subscribe" type="submit" id="edit-subscribe" name="op" value="S'inscrire" class="button js-form-submit form-submit" /><div class="description">Vous pouvez vous désinscrire à tout moment via le lien présent dans chaque envoi.</div></form></div></div>
<div class="views-element-container block block-views block-views-blockarticles-meme-rubrique-block-1" id="block-ecoatl-views-block-articles-meme-rubrique"><h2>Dans la même rubrique</h2><div><div class="view view-articles-meme-rubrique view-id-articles_meme_rubrique view-display-id-block_1"><div class="view-content">
<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/actualites/port-de-lorient-plateforme" hreflang="fr">Le port de Lorient investit dans une nouvelle plateforme logistique</a></span></div><div class="views-field views-field-created"><span class="field-content">05/09/2024</span></div></div>
<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/actualites/vannes-biotech" hreflang="fr">Une biotech vannetaise lève 12 millions d’euros</a></span></div><div class="views-field views-field-created"><span class="field-content">28/08/2024</span></div></div>
</div></div></div></div>
</div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second">
<div id="block-ecoatl-agenda" class="block block-block-content block-block-content2b7d1f0e"><h2>Agenda</h2><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Rencontres de l’industrie de l’Ouest, le 14 novembre au Palais des congrès de Rennes. Inscription gratuite pour les adhérents.</p></div></div>
<div id="block-ecoatl-annonces" class="block block-block-content"><h2>Annonces légales</h2><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Publiez vos annonces légales en ligne dans les départements 22, 29, 35, 44, 56.</p></div></div>
</div></aside>
</main>
<footer role="contentinfo"><div class="region region-footer"><nav role="navigation" id="block-ecoatl-footer"><ul class="menu menu--footer nav"><li class="menu-item"><a href="/mentions-legales">Mentions légales</a></li><li class="menu-item"><a href="/plan-du-site">Plan du site</a></li><li class="menu-item"><a href="/contact">Nous contacter</a></li></ul></nav><div id="block-ecoatl-copyright" class="block block-block-content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>© Éco Atlantique 2025, le média des entreprises du Grand Ouest.</p></div></div></div></footer>
</div></div>
<script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"/","scriptPath":null,"pathPrefix":"","currentPath":"node/4821","currentPathIsAdmin":false,"isFront":false,"currentLanguage":"fr"},"suppressDeprecationErrors":true,"ajaxPageState":{"libraries":"core/drupal.ajax,ecoatl/global-styling,simplenews/subscription","theme":"ecoatl","theme_token":null},"user":{"uid":0,"permissionsHash":"3f1c9a7e2b8d4c6f0a1e5d9b7c3f2a8e"}}</script>
<script src="/sites/default/files/js/js_9xKpQ2mRvTyZ.js"></script>
</body></html>""")

# An Arc XP / Fusion-like regional daily: data-testid everywhere, each paragraph in its own nested
# divs, ad containers and an interstitial link between paragraphs, native ads below the body,
# and the story metadata again in Fusion.globalContent.
ARC_TESTID = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title - Le Progrès du Midi</title>
<meta name="description" content="$lead_attr"><meta property="og:title" content="$title_attr"><meta property="og:type" content="article"><meta property="og:site_name" content="Le Progrès du Midi">
<meta property="article:published_time" content="$date"><meta property="article:modified_time" content="$upd"><meta property="article:section" content="$section">
<link rel="canonical" href="https://www.progres-midi.example/economie/$slug-ZQ4HX7K2NBF3TLM5VWUCDRY6AE/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"$title_json","description":"$lead","datePublished":"$date","dateModified":"$upd","author":[{"@type":"Person","name":"$author"}],"publisher":{"@type":"NewsMediaOrganization","name":"Le Progrès du Midi","logo":{"@type":"ImageObject","url":"https://www.progres-midi.example/pf/resources/logo.png"}},"isAccessibleForFree":true}</script>
<script>window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){googletag.defineSlot("/21809957681/pdm/economie",[[300,250],[300,600]],"ad-inread-1").addService(googletag.pubads());googletag.enableServices();});</script>
<link rel="stylesheet" href="/pf/dist/components/combinations/default.css?d=1142">
</head><body><div id="fusion-app" class="fusion-app">
<div class="layout-section wrap-header"><header data-testid="site-header" class="c-stack b-header"><div class="b-header__top"><div class="b-header__logo"><a href="/" data-testid="header-logo"><img src="/pf/resources/logo.svg" alt="Le Progrès du Midi"></a></div><div class="b-header__actions"><a data-testid="subscribe-button" class="c-button c-button--primary" href="/abonnement/">Je m’abonne</a><a data-testid="login-button" class="c-button" href="/compte/">Mon compte</a></div></div>
<nav data-testid="nav-links-bar" class="b-header-nav"><div class="b-header-nav__links"><a href="/faits-divers/">Faits divers</a><a href="/economie/">Économie</a><a href="/sport/rugby/">Rugby</a><a href="/culture/">Culture</a><a href="/occitanie/">Occitanie</a><a href="/meteo/">Météo</a></div></nav></header></div>
<div class="ad-container ad-container--banner" data-testid="ad-banner"><div class="ad-container__label">Publicité</div><div id="ad-banner-top" class="arcad" style="min-height:90px"></div></div>
<main class="b-right-rail"><div class="b-right-rail__main"><div class="layout-section"><div class="c-stack" data-style-direction="vertical" data-style-justification="start">
<div data-testid="overline" class="c-overline b-overline"><a href="/economie/">$section</a></div>
<div data-testid="headline"><h1 class="c-heading b-headline">$title</h1></div>
<div data-testid="subheadline"><h2 class="c-heading b-subheadline">$lead</h2></div>
<div class="c-stack b-byline-date"><div data-testid="byline" class="c-attribution b-byline"><span class="b-byline__by">Par </span><a class="b-byline__names" href="/auteurs/redaction/">$author</a></div>
<div data-testid="date" class="b-date"><time class="c-date" datetime="$date">Le $date_fr à $hm</time><span class="b-date__updated"> · Mis à jour le $upd_fr</span></div></div>
<div data-testid="share-bar" class="b-share-bar"><button aria-label="Partager sur Facebook">Facebook</button><button aria-label="Partager sur WhatsApp">WhatsApp</button><button aria-label="Copier le lien">Copier le lien</button></div>
<div data-testid="lead-art" class="b-lead-art"><figure class="c-media-item"><div class="c-image-wrapper"><img src="https://cloudfront-eu-central-1.images.arcpublishing.example/resizer/v2/ABC123.jpg?auth=0f3a&amp;width=1200" alt="" width="1200" height="675"></div><figcaption class="c-media-item__fig-caption"><span class="c-media-item__caption">Image d’illustration.</span> <span class="c-media-item__credit">Photo Le Progrès du Midi / Marc Olivier</span></figcaption></figure></div>
<article data-testid="article-body" class="b-article-body">
<div class="c-stack b-article-body__stack">
<div class="b-article-body__item"><div data-testid="paragraph" class="b-article-body__paragraph">$p0</div></div>
<div class="ad-container ad-container--inread" data-testid="ad-inread-1"><div class="ad-container__label">Publicité</div><div id="ad-inread-1" class="arcad" style="min-height:250px"></div></div>
<div class="b-article-body__item"><div data-testid="paragraph" class="b-article-body__paragraph">$p1</div></div>
<div class="b-article-body__item"><div data-testid="interstitial-link" class="b-article-body__interstitial"><span>À lire aussi : </span><a href="/occitanie/toulouse-aeronautique-recrute/">Toulouse : l’aéronautique recrute à nouveau malgré les retards de livraison</a></div></div>
<div class="b-article-body__item"><div data-testid="paragraph" class="b-article-body__paragraph">$p2</div></div>
<div class="ad-container ad-container--inread" data-testid="ad-inread-2"><div class="ad-container__label">Publicité</div><div id="ad-inread-2" class="arcad"><div class="ad-fallback">Votre publicité ici ? Contactez notre régie Midi Publicité.</div></div></div>
<div class="b-article-body__item"><div data-testid="paragraph" class="b-article-body__paragraph">$rest</div></div>
</div></article>
<div data-testid="taboola-below-article" class="ad-container ad-container--native"><div id="taboola-below-article-thumbnails" class="trc_related_container"><div class="trc_rbox_header"><span class="trc_rbox_header_span">Contenus sponsorisés</span></div><div class="trc_rbox_div"><a class="item-thumbnail-href" href="#"><span class="video-title">Les retraités de la région découvrent cette mutuelle à petit prix</span><span class="branding">Mutuelles Comparées</span></a><a class="item-thumbnail-href" href="#"><span class="video-title">Isolation des combles : l’aide méconnue qui fait économiser des centaines d’euros</span><span class="branding">Info Rénovation</span></a></div></div></div>
<div data-testid="comments" class="b-comments"><h2 class="c-heading">Commentaires</h2><p>Les commentaires sont réservés aux abonnés. <a href="/abonnement/">Je m’abonne</a></p></div>
</div></div></div>
<aside class="b-right-rail__rail"><div class="ad-container ad-container--rail" data-testid="ad-rail"><div class="ad-container__label">Publicité</div><div id="ad-rail-1" class="arcad" style="min-height:600px"></div></div><div data-testid="most-read" class="b-top-table-list"><h2 class="c-heading">Les plus lus</h2><ol><li><a href="/sport/rugby/ailier-international/">Rugby : le club recrute un ailier international pour la fin de saison</a></li><li><a href="/occitanie/canicule-piscines/">Canicule : les piscines municipales ouvrent jusqu’à 22 heures</a></li><li><a href="/faits-divers/rocade-accident/">Rocade : un accident provoque plusieurs kilomètres de bouchons</a></li></ol></div></aside></main>
<footer data-testid="site-footer" class="b-footer"><div class="b-footer__links"><a href="/contact/">Nous contacter</a><a href="/annonces-legales/">Annonces légales</a><a href="/obseques/">Avis d’obsèques</a><a href="#" data-testid="cmp-link">Gérer mes cookies</a></div><p class="b-footer__copyright">© Le Progrès du Midi 2025 – Tous droits réservés – Reproduction interdite</p></footer>
</div>
<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{};Fusion.arcSite="progres-midi";Fusion.contextPath="/pf";Fusion.mxId=null;Fusion.deployment="1142";Fusion.globalContent={"_id":"ZQ4HX7K2NBF3TLM5VWUCDRY6AE","type":"story","version":"0.10.9","headlines":{"basic":"$title_json"},"subheadlines":{"basic":"$lead"},"display_date":"$date","first_publish_date":"$date","last_updated_date":"$upd","credits":{"by":[{"type":"author","name":"$author","_id":"redaction"}]},"taxonomy":{"primary_section":{"name":"$section","_id":"/economie"},"tags":[{"text":"entreprises"},{"text":"emploi"}]},"canonical_url":"/economie/$slug-ZQ4HX7K2NBF3TLM5VWUCDRY6AE/","promo_items":{"basic":{"type":"image","caption":"Image d’illustration.","credits":{"by":[{"name":"Marc Olivier"}]}}}};Fusion.globalContentConfig={"source":"content-api","query":{"_id":"ZQ4HX7K2NBF3TLM5VWUCDRY6AE"}};</script>
<script src="/pf/dist/engine/react.js?d=1142" defer></script>
</body></html>""")

# A small regional weekly on a home-made CMS: the date is only in the text of the page ("Publié le
# 12/03/2024 à 08h15, mis à jour le ..."), no meta date, no <time>, no JSON-LD; the paragraphs are
# separated by <br><br>; cookie banner, weather, comments, related links, sidebar and address.
TEXTDATE_WEEKLY = Template("""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>$title - L'Écho des Vallées</title>
<meta name="viewport" content="width=device-width"><meta name="description" content="$lead_attr">
<link rel="stylesheet" href="/css/style.css?v=2019"><script src="/js/jquery-1.12.4.min.js"></script></head>
<body id="page-article">
<div id="bandeau-cookies" class="bandeau">Notre site utilise des cookies pour mesurer l'audience et vous proposer des publicités adaptées. <a href="/cookies.html">En savoir plus</a> <a class="btn" href="#" onclick="fermerBandeau();return false;">OK</a></div>
<div id="entete"><div class="logo"><a href="/"><img src="/img/logo.png" alt="L'Écho des Vallées"></a></div><div class="edition">Hebdomadaire d'informations locales depuis 1946</div>
<div class="meteo">Météo : 14° à Annecy, éclaircies</div></div>
<ul id="menu"><li><a href="/actualite/">Actualité</a></li><li><a href="/communes/">Vos communes</a></li><li><a href="/sports/">Sports</a></li><li><a href="/economie/">Économie</a></li><li><a href="/agenda/">Sortir</a></li><li><a href="/carnet/">Carnet</a></li><li><a href="/boutique/">Le journal papier</a></li></ul>
<div id="conteneur"><div id="colonne-principale">
<p class="fil-ariane"><a href="/">Accueil</a> &gt; <a href="/economie/">Économie</a> &gt; $section</p>
<div class="article">
<h1>$title</h1>
<p class="infos">Publié le $date_short à $hm, mis à jour le $upd_fr | Par $author</p>
<p class="chapo"><strong>$lead</strong></p>
<div class="photo"><img src="/photos/article-une.jpg" alt=""><p class="legende">Photo d'archives L'Écho des Vallées</p></div>
<div class="texte">
$p_br
</div>
<div class="encart-abonnement">Cet article vous a intéressé ? Soutenez l'information locale : abonnez-vous dès 1 € le premier mois.</div>
<div class="partage">Partager : <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Envoyer par mail</a> <a href="javascript:window.print()">Imprimer</a></div>
</div>
<div class="commentaires"><h3>Vos réactions (2)</h3>
<div class="com"><span class="pseudo">Jeannot74</span> <span class="quand">il y a 3 heures</span><p>On aimerait bien que ces emplois profitent aussi aux jeunes du canton.</p></div>
<div class="com"><span class="pseudo">M. Berthier</span> <span class="quand">il y a 5 heures</span><p>Toujours les mêmes promesses, on jugera sur pièces dans un an.</p></div>
<p class="regles">Les commentaires sont modérés. Merci de rester courtois.</p></div>
<div class="a-lire-aussi"><h3>À lire aussi</h3><ul><li><a href="/economie/fromagerie.html">Thônes : la fromagerie coopérative fête ses cent ans</a></li><li><a href="/actualite/rocade-nord.html">La rocade nord fermée trois nuits pour travaux</a></li></ul></div>
</div>
<div id="colonne-droite"><div class="bloc"><h3>Les plus lus</h3><ol><li><a href="#">Un chevreuil provoque un accident sur la départementale</a></li><li><a href="#">Le marché de Noël change d'emplacement cette année</a></li></ol></div>
<div class="bloc pub">Publicité</div>
<div class="bloc"><h3>Annonces légales</h3><p>Consultez et publiez vos annonces légales en ligne.</p></div></div></div>
<div id="pied">L'Écho des Vallées - 12 rue du Lac, 74000 Annecy - Tél. 04 50 00 00 00 - Tous droits réservés</div>
</body></html>""")

# A business magazine with schema.org microdata: a <figure> with a "© Photo :" credit in the
# figcaption, a pull-quote <blockquote>, an embedded tweet (blockquote.twitter-tweet + widgets.js),
# a newsletter box after the body, a video and related links in the side column.
FIGURE_TWEET = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>$title | Capital Numérique</title><meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="$title_attr"><meta property="og:image" content="https://static.capital-numerique.example/photos/une-1200.jpg"><meta name="twitter:site" content="@CapitalNum">
</head><body class="page-article">
<header class="site-header"><a class="brand" href="/">Capital Numérique</a><nav class="menu"><a href="/entreprises">Entreprises</a><a href="/marches">Marchés</a><a href="/tech">Tech</a><a href="/management">Management</a><a href="/patrimoine">Patrimoine</a></nav><form class="search" action="/recherche"><input type="search" name="q" placeholder="Rechercher un article"></form></header>
<div class="page"><article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="datePublished" content="$date"><meta itemprop="dateModified" content="$upd">
<p class="article-rubrique"><a href="/entreprises">$section</a></p>
<h1 class="article-titre" itemprop="headline">$title</h1>
<p class="article-chapo" itemprop="description">$lead</p>
<p class="article-auteur">Par <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">$author</span></span>, le <time datetime="$date">$date_fr</time> <span class="maj">(mis à jour le $upd_fr)</span></p>
<figure class="article-illustration" itemprop="image" itemscope itemtype="https://schema.org/ImageObject"><picture><source type="image/webp" srcset="/photos/une-800.webp 800w, /photos/une-1600.webp 1600w"><img src="/photos/une-800.jpg" alt="Le siège social de l'entreprise" loading="eager" width="800" height="450"></picture><figcaption><span class="legende">Le siège social du groupe, lors de la présentation des résultats annuels.</span> <span class="credit">© Photo : Julien Mercier / Agence Lumière</span></figcaption></figure>
<div class="article-corps" itemprop="articleBody">
$p0
$p1
<blockquote class="citation-exergue"><p>« $quote »</p></blockquote>
$p2
<div class="embed embed-twitter"><blockquote class="twitter-tweet" data-lang="fr" data-dnt="true"><p lang="fr" dir="ltr">Une étape importante pour nos équipes et pour nos clients en France et en Europe. Tous les détails dans notre communiqué 👇 <a href="https://t.co/Xk3pQ9vLmZ">https://t.co/Xk3pQ9vLmZ</a></p>&mdash; Direction de la communication (@DirComFR) <a href="https://twitter.com/DirComFR/status/1836012345678901234?ref_src=twsrc%5Etfw">$date_fr</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></div>
$rest
</div>
<div class="article-tags">Mots-clés : <a href="/tag/strategie">Stratégie</a>, <a href="/tag/investissement">Investissement</a>, <a href="/tag/europe">Europe</a></div>
<aside class="article-newsletter"><p class="nl-titre">La newsletter Capital Numérique</p><p>Tous les jours à 7 heures, les informations économiques qu'il ne fallait pas manquer.</p><form><input type="email" placeholder="Votre e-mail"><button>S'inscrire</button></form></aside>
</article>
<aside class="colonne"><section class="video-une"><h2>Vidéo à la une</h2><p>Immobilier de bureau : faut-il encore investir à la Défense ?</p></section><section class="sur-le-meme-sujet"><h2>Sur le même sujet</h2><ul><li><a href="/entreprises/fusions-2024">Fusions-acquisitions : l'année 2024 s'annonce record en France</a></li><li><a href="/management/remunerations-patrons">Les patrons du CAC 40 ont touché en moyenne 6,8 millions d'euros</a></li></ul></section></aside></div>
<footer class="site-footer"><p>Capital Numérique est une marque de Presse Éco Éditions. Reproduction interdite sans autorisation.</p><p><a href="/mentions-legales">Mentions légales</a> · <a href="/confidentialite">Politique de confidentialité</a> · <a href="#" class="cmp-open">Paramètres des cookies</a></p></footer>
</body></html>""")

# A business daily built with styled-components: <title>, og:title and twitter:title carry the
# site name and an SEO wording different from the <h1>; the body is split by <h2> intertitles,
# with a "À lire aussi" box between paragraphs, then recommendations, a newsletter and an offer.
SEO_TITLE_H2 = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>$section : l'annonce qui rebat les cartes du secteur | Le Journal des Affaires</title>
<meta name="description" content="$lead_attr">
<meta property="og:title" content="$section : ce qu'il faut retenir de l'annonce - Le Journal des Affaires"><meta property="og:type" content="article"><meta property="og:site_name" content="Le Journal des Affaires">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="$section : l'annonce qui rebat les cartes du secteur | Le Journal des Affaires">
<meta property="article:published_time" content="$date"><meta property="article:modified_time" content="$upd"><meta property="article:author" content="$author">
<link rel="canonical" href="https://www.journal-des-affaires.example/industrie/$slug-2093817">
<style data-styled="active" data-styled-version="5.3.11">.dYsXWV{font-size:2.4rem;line-height:1.2}.kwcTnb{font-weight:600}</style>
</head><body><div id="root">
<header class="sc-1x2kpjd-0 hCkXaB"><div class="sc-1x2kpjd-1 bRtYzo"><a href="/" class="sc-1x2kpjd-2 logo">Le Journal des Affaires</a><a href="/abonnement" class="sc-1x2kpjd-3">Accès abonnés</a></div>
<nav class="sc-18v3qgn-0 jZqLmT"><a href="/economie-france">Économie France</a><a href="/bourse">Bourse</a><a href="/tech-medias">Tech-Médias</a><a href="/industrie">Industrie</a><a href="/finance-marches">Finance-Marchés</a><a href="/idees-debats">Idées &amp; Débats</a></nav></header>
<main class="sc-1ohdft1-0 eQzKlP"><article class="sc-1ohdft1-1 iWgRuN">
<header class="sc-14kwckt-0 fDpLZs"><div class="sc-14kwckt-3 gHtQwa"><a href="/industrie">$section</a></div>
<h1 class="sc-14kwckt-6 dYsXWV">$title</h1>
<p class="sc-14kwckt-8 kwcTnb">$lead</p>
<div class="sc-1i0ieo8-0 bVqKwe"><span>Par <a href="/journalistes/redaction">$author</a></span> <span>Publié le <time datetime="$date">$date_fr à $hm</time></span> <span>Mis à jour le $upd_fr</span></div>
<div class="sc-1s3l4va-0 share"><button>Partager</button><button>Offrir cet article</button><button>Enregistrer</button></div>
</header>
<div class="sc-1s859v0-0 post-paywall">
$p0
<h2 class="sc-1s859v0-1 intertitre">Une décision mûrement préparée</h2>
$p1
<div class="sc-1d5b7e3-0 encadre-lire-aussi"><p class="sc-1d5b7e3-1">À lire aussi :</p><ul><li><a href="/industrie/eti-etranger-2087112">Les ETI industrielles accélèrent leurs investissements à l'étranger</a></li><li><a href="/finance-marches/fusions-2085540">DÉCRYPTAGE - Pourquoi les fusions reviennent en force</a></li></ul></div>
$p2
<h2 class="sc-1s859v0-1 intertitre">Des partenaires attentifs</h2>
$rest
</div>
<div class="sc-9qz1ya-0 abo-cta"><p>Offre spéciale : -50 % sur votre abonnement la première année.</p><a href="/abonnement">J'en profite</a></div>
</article>
<section class="sc-7r8n2d-0 reco"><h2>Le Journal des Affaires vous recommande</h2><ul><li><a href="/bourse/cac40-semaine">Bourse : le CAC 40 termine la semaine sur un gain de 2 %</a></li><li><a href="/economie-france/defaillances">Les défaillances d'entreprises au plus haut depuis 2015</a></li></ul></section>
<section class="sc-4p1qq0-0 newsletter"><h2>Newsletter Industrie</h2><p>Chaque mardi, le meilleur de l'actualité industrielle par nos journalistes.</p><button>Je m'inscris</button></section>
</main>
<footer class="sc-6v2fd8-0 footer"><p>Le Journal des Affaires - Groupe Affaires Médias. Tous droits réservés.</p><nav><a href="/cgv">CGV</a> <a href="/mentions-legales">Mentions légales</a> <a href="/cookies">Cookies</a></nav></footer>
</div></body></html>""")

# A weekly news magazine behind a consent modal (Didomi-like, injected at the end of the body)
# and a soft paywall: the overlay sits in the body after the second paragraph and the rest of
# the text follows, blurred, in a locked container.
CONSENT_PAYWALL = Template("""<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>$title | Horizon Hebdo</title>
<meta property="og:title" content="$title_attr"><meta property="og:site_name" content="Horizon Hebdo"><meta name="robots" content="max-image-preview:large">
<script type="text/javascript">window.gdprAppliesGlobally=true;(function(){function a(e){if(!window.frames[e]){if(document.body&&document.body.firstChild){var t=document.body;var n=document.createElement("iframe");n.style.display="none";n.name=e;n.title=e;t.insertBefore(n,t.firstChild)}else{setTimeout(function(){a(e)},5)}}}a("__tcfapiLocator")})();</script>
<script type="text/javascript">window.didomiConfig={languages:{enabled:["fr"],default:"fr"},notice:{position:"popup",closeOnClick:false}};</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"$title_json","datePublished":"$date","dateModified":"$upd","author":{"@type":"Person","name":"$author"},"articleSection":"$section","isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".article-locked"},"publisher":{"@type":"Organization","name":"Horizon Hebdo"}}</script>
</head><body class="article-page is-premium didomi-popup-open">
<header class="hh-header"><div class="hh-header__logo"><a href="/">Horizon Hebdo</a></div><nav class="hh-nav"><a href="/france">France</a><a href="/monde">Monde</a><a href="/economie">Économie</a><a href="/societe">Société</a><a href="/culture">Culture</a><a href="/debats">Débats</a></nav><div class="hh-header__account"><a href="/offres">S'abonner dès 1 €</a><a href="/connexion">Se connecter</a></div></header>
<main class="hh-main"><article class="hh-article">
<header class="hh-article__header"><span class="hh-article__rubrique">$section</span> <span class="hh-badge hh-badge--premium">Abonnés</span>
<h1 class="hh-article__title">$title</h1><p class="hh-article__chapo">$lead</p>
<p class="hh-article__signature">Par <strong>$author</strong> · Publié le $date_fr à $hm · Mis à jour le $upd_fr</p></header>
<div class="hh-article__body">
$p0
$p1
<div id="poool-widget" class="hh-paywall-overlay" role="dialog" aria-modal="true"><div class="p3-wrapper"><p class="p3-title">Cet article est réservé aux abonnés.</p><p class="p3-text">Abonnez-vous pour lire la suite : 1 € le premier mois, puis 9,99 € par mois, sans engagement.</p><a class="p3-button" href="/offres">Je m'abonne</a> <a class="p3-login" href="/connexion">Déjà abonné ? Je me connecte</a></div></div>
<div class="article-locked" aria-hidden="true" style="filter:blur(5px);user-select:none">
$rest2
</div>
</div>
<section class="hh-reactions"><h2>Réactions</h2><p class="hh-reactions__locked">Les réactions sont ouvertes aux abonnés. Rejoignez la discussion.</p></section>
</article>
<aside class="hh-sidebar"><div class="hh-podcast"><h3>Le podcast de la rédaction</h3><p>Chaque jeudi, nos journalistes racontent les coulisses d'une enquête.</p></div><div class="hh-mostread"><h3>Les plus lus</h3><ol><li><a href="#">Retraites : ce que prévoit le nouveau calendrier</a></li><li><a href="#">Immobilier : les taux repassent sous la barre des 3 %</a></li></ol></div></aside>
</main>
<footer class="hh-footer"><p>Horizon Hebdo est édité par Horizon Médias SAS. Directeur de la publication : Paul Arnaud.</p><p><a href="/cgu">Conditions générales</a> · <a href="javascript:Didomi.preferences.show()">Gérer mes choix de cookies</a></p></footer>
<div id="didomi-host" data-nosnippet="true" aria-hidden="false"><div class="didomi-popup-backdrop didomi-notice-popup didomi-popup__backdrop"><div class="didomi-popup-container didomi-popup-notice didomi-popup-notice-with-data-processing" role="dialog" aria-labelledby="didomi-notice-title"><div class="didomi-popup-notice-logo-container"><img class="didomi-popup-notice-logo" src="/logo.svg" alt="Horizon Hebdo"></div><div class="didomi-popup-notice-text-container"><div id="didomi-notice-title" class="didomi-notice-title">Bienvenue sur Horizon Hebdo</div><div class="didomi-popup-notice-text"><p>Avec votre accord, nous et nos 842 partenaires utilisons des cookies ou technologies similaires pour stocker et consulter des informations sur votre appareil. Vous pouvez retirer votre consentement à tout moment en cliquant sur « Paramétrer » ou depuis la page « Données personnelles ».</p><p>Ces traitements servent à mesurer l'audience, à personnaliser les contenus et les publicités et à développer nos services.</p></div></div><div class="didomi-popup-notice-buttons"><button id="didomi-notice-learn-more-button" class="didomi-button didomi-button-standard">Paramétrer</button><button id="didomi-notice-agree-button" class="didomi-button didomi-components-button">Accepter &amp; Fermer</button></div><span class="didomi-continue-without-agreeing">Continuer sans accepter →</span></div></div></div>
</body></html>""")

# An old SPIP 2 site served in ISO-8859-1 (charset only in the http-equiv meta): XHTML 1.0,
# hentry microformat (abbr.published), a document with its credit inside the text, "Voir en
# ligne", the article forum, "Dans la même rubrique", brèves and the SPIP footer.
SPIP_LATIN1 = Template("""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" lang="fr" dir="ltr">
<head>
<title>$title - Territoires Infos</title>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />
<meta name="description" content="$lead_attr" />
<meta name="generator" content="SPIP 2.1.26 [21248]" />
<link rel="alternate" type="application/rss+xml" title="Syndiquer tout le site" href="spip.php?page=backend" />
<link rel="stylesheet" href="squelettes/css/habillage.css" type="text/css" media="projection, screen, tv" />
<script type="text/javascript" src="prive/javascript/jquery.js"></script>
</head>
<body class="page_article">
<div class="page">
<div id="entete"><a rel="start home" href="http://www.territoires-infos.example/" title="Accueil" class="accueil"><img class="spip_logos" alt="" src="IMG/siteon0.png" width="220" height="80" /><span id="nom_site_spip">Territoires Infos</span></a>
<p id="slogan_site_spip">Le journal en ligne de l'économie locale depuis 2003</p></div>
<div id="navigation"><ul class="menu-liste"><li class="menu-entree"><a href="spip.php?rubrique1">Economie</a></li><li class="menu-entree"><a href="spip.php?rubrique2">Collectivités</a></li><li class="menu-entree"><a href="spip.php?rubrique3">Emploi &amp; formation</a></li><li class="menu-entree"><a href="spip.php?rubrique4">Tribunes libres</a></li><li class="menu-entree"><a href="spip.php?rubrique5">Agenda</a></li></ul></div>
<div id="conteneur"><div id="contenu">
<div class="ariane"><a href="http://www.territoires-infos.example/">Accueil</a> &gt; <a href="spip.php?rubrique1">$section</a> &gt; <strong class="on">$title</strong></div>
<div class="hentry">
<div class="cartouche">
<h1 class="surlignable titre crayon article-titre-4512 entry-title">$title</h1>
<p class="info-publi"><abbr class="published" title="$date">$date_fr</abbr><span class="sep">, </span><span class="auteurs">par&nbsp; <span class="vcard author"><a class="url fn spip_in" href="spip.php?auteur12">$author</a></span></span></p>
<p class="info-publi"><small>Dernière modification : $upd_fr</small></p>
</div>
<div class="surlignable chapo crayon article-chapo-4512"><p>$lead</p></div>
<div class="surlignable texte crayon article-texte-4512 entry-content">$p0
$p1
<dl class="spip_document_236 spip_documents spip_documents_center" style="width:500px;"><dt><img src="IMG/jpg/site-production.jpg" width="500" height="333" alt="" /></dt><dt class="spip_doc_titre" style="width:500px;"><strong>Vue du site de production</strong></dt><dd class="spip_doc_descriptif" style="width:500px;">Photo DR / Territoires Infos</dd></dl>
$p2
$rest
</div>
</div>
<p class="hyperlien">Voir en ligne : <a href="http://www.example.org/communique.html" class="spip_out">Le communiqué de presse de l'entreprise</a></p>
<div class="forum-repondre"><a href="spip.php?page=forum&amp;id_article=4512" rel="noindex nofollow">Répondre à cet article</a></div>
<div class="forum-total">1 Message</div>
<ul class="forum"><li class="forum-fil"><div class="forum-message"><div class="forum-chapo"><strong class="forum-titre"><a href="#forum1021" name="forum1021" id="forum1021">Et les sous-traitants ?</a></strong><small>$date_fr, par <span class="vcard author">Gérard</span></small></div>
<div class="forum-texte"><p>Personne ne parle des sous-traitants de la région, qui vont encore devoir s'adapter.</p><p class="repondre"><a href="spip.php?page=forum&amp;id_article=4512&amp;id_forum=1021" rel="noindex nofollow">Répondre à ce message</a></p></div></div></li></ul>
</div>
<div id="navigation2"><div class="rubriques"><h2>Dans la même rubrique</h2><ul><li><a href="spip.php?article4498">La zone d'activité des Tilleuls accueille trois nouvelles entreprises</a></li><li><a href="spip.php?article4487">Chambre de commerce : un nouveau président élu à l'unanimité</a></li></ul></div>
<div class="breves"><h2>Brèves</h2><ul><li><a href="spip.php?breve301">Le marché hebdomadaire déménage place de la Mairie</a></li></ul></div>
<div class="formulaire_spip formulaire_recherche"><form action="spip.php?page=recherche" method="get"><div><input name="page" value="recherche" type="hidden" /><label for="recherche">Rechercher :</label><input type="text" class="text" size="10" name="recherche" id="recherche" value="Rechercher" /></div></form></div></div>
</div>
<div id="pied"><small class="generation"><a href="http://www.spip.net/" title="Site réalisé avec SPIP">Site réalisé avec SPIP</a> | <a href="spip.php?page=login&amp;url=spip.php" rel="nofollow">Se connecter</a> | <a href="spip.php?page=plan">Plan du site</a> | <a href="spip.php?page=backend" rel="alternate">Suivre la vie du site RSS 2.0</a></small></div>
</div></body></html>""")

BLIND_LAYOUTS = {
    "nextjs": NEXTJS,
    "lemonde_like": LEMONDE_LIKE,
    "wp_yoast": WP_YOAST,
    "drupal9": DRUPAL9,
    "arc_testid": ARC_TESTID,
    "textdate_weekly": TEXTDATE_WEEKLY,
    "figure_tweet": FIGURE_TWEET,
    "seo_title_h2": SEO_TITLE_H2,
    "consent_paywall": CONSENT_PAYWALL,
    "spip_latin1": SPIP_LATIN1,
}

BLIND_BOILERPLATE = {
    "nextjs": [
        "Les levées de fonds de la French Tech reculent",
        "l'essentiel de l'actualité économique dans votre boîte mail",
        "Les jeunes diplômés boudent les ESN",
        "média indépendant financé par ses lecteurs",
        "Nos enquêtes",
    ],
    "lemonde_like": [
        "Les entreprises françaises face au ralentissement",
        "Cybersécurité : les PME restent la cible privilégiée",
        "Article réservé aux abonnés",
        "La suite de nos enquêtes est réservée aux abonnés",
        "STÉPHANE RIVIÈRE / AGENCE VUES",
        "édité par la Société éditrice du Courrier",
    ],
    "wp_yoast": [
        "Table des matières",
        "les dépenses des entreprises européennes ralentissent",
        "spécialiste des infrastructures et des services numériques",
        "les clients français dénoncent une hausse des tarifs",
        "les clients finiront par payer l’addition",
        "Site hébergé en France",
    ],
    "drupal9": [
        "la filière navale peine à recruter des soudeurs",
        "l’essentiel de l’économie régionale",
        "nouvelle plateforme logistique",
        "Rencontres de l’industrie de l’Ouest",
        "Portraits de dirigeants",
        "le média des entreprises du Grand Ouest",
    ],
    "arc_testid": [
        "l’aéronautique recrute à nouveau malgré les retards",
        "Contactez notre régie Midi Publicité",
        "cette mutuelle à petit prix",
        "Les commentaires sont réservés aux abonnés",
        "les piscines municipales ouvrent jusqu’à 22 heures",
        "Photo Le Progrès du Midi / Marc Olivier",
    ],
    "textdate_weekly": [
        "abonnez-vous dès 1 € le premier mois",
        "cookies pour mesurer l'audience",
        "ces emplois profitent aussi aux jeunes du canton",
        "la fromagerie coopérative fête ses cent ans",
        "Un chevreuil provoque un accident",
        "12 rue du Lac, 74000 Annecy",
    ],
    "figure_tweet": [
        "© Photo : Julien Mercier / Agence Lumière",
        "les informations économiques qu'il ne fallait pas manquer",
        "l'année 2024 s'annonce record en France",
        "faut-il encore investir à la Défense",
        "Reproduction interdite sans autorisation",
    ],
    "seo_title_h2": [
        "Les ETI industrielles accélèrent leurs investissements",
        "-50 % sur votre abonnement la première année",
        "le CAC 40 termine la semaine sur un gain",
        "le meilleur de l'actualité industrielle",
        "Groupe Affaires Médias",
    ],
    "consent_paywall": [
        "1 € le premier mois, puis 9,99 € par mois",
        "Déjà abonné ? Je me connecte",
        "utilisons des cookies ou technologies similaires",
        "racontent les coulisses d'une enquête",
        "les taux repassent sous la barre des 3 %",
        "Horizon Médias SAS",
    ],
    "spip_latin1": [
        "Photo DR / Territoires Infos",
        "Répondre à cet article",
        "qui vont encore devoir s'adapter",
        "accueille trois nouvelles entreprises",
        "Suivre la vie du site",
        "l'économie locale depuis 2003",
    ],
}

BLIND_ENCODING = {"spip_latin1": "iso-8859-1"}
