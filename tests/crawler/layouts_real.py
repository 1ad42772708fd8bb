"""Fixture layouts modelled on the markup of real French news sites (written for the project).

Each one reproduces a structure seen on real article pages that trips naive extractors: a body
wrapper whose class carries "share"/"promo"/"paywall"/"comments", the end of an article inside a
paywall block, "Lire aussi" boxes inside the body, a date only in a "Publié le ... à 10h05" line,
<time> elements of related articles before the article's own, og:title unlike the headline, AMP
markup, long comments, a JSON-LD list describing several articles, a windows-1252 page with no
charset anywhere, and an article cut by inline ads, figures and captions.
The texts are the demo articles; the furniture around them is invented.
"""

from __future__ import annotations

from string import Template

WP_SHARE = Template("""<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8">
<title>$title - Les Numériques Pro</title>
<meta property="og:title" content="$title_attr - Les Numériques Pro"><meta property="og:type" content="article">
<meta property="article:modified_time" content="$upd">
</head><body class="post-template-default single single-post has-sidebar">
<div class="top-bar social-links"><a>Facebook</a> <a>X</a> <a>LinkedIn</a> <a>Flux RSS</a></div>
<header class="site-header"><nav class="primary-menu"><a>Actus</a> <a>Tests</a> <a>Bons plans</a> <a>Guides d'achat</a></nav></header>
<div class="site-content"><div class="content-area"><article id="post-$slug" class="post type-post status-publish tag-partage tag-social">
<header class="entry-header"><span class="cat-links">$section</span><h1 class="entry-title">$title</h1>
<div class="entry-meta"><span class="posted-on">Mis à jour le <time class="updated" datetime="$upd">$upd_fr</time> - publié le <time class="entry-date published" datetime="$date">$date_fr</time></span> <span class="byline">par $author</span></div></header>
<div class="entry-content post-content has-share-buttons social-ready inline-promos">
<div class="share-buttons share-top"><a>Partager sur Facebook</a> <a>Partager sur LinkedIn</a> <a>Envoyer par e-mail</a></div>
$p0
$p1
$rest2
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Partager cet article :</h3><ul><li>Imprimer</li><li>WhatsApp</li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Articles similaires</h3><p>Les imprimantes 3D professionnelles reviennent en grâce dans les bureaux d'études</p><p>Comparatif des meilleurs écrans pour le télétravail en entreprise</p></div>
</div></article>
<div class="post-navigation"><a>Article précédent : Le marché des tablettes durcies se stabilise</a></div>
</div></div><footer class="site-footer">Les Numériques Pro · Mentions légales · Gérer mes cookies</footer></body></html>""")

PAYWALL = Template("""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>$title | L'Informé Tech</title>
<meta property="og:title" content="$title_attr"><meta property="og:site_name" content="L'Informé Tech">
<meta property="article:published_time" content="$date"><meta property="article:modified_time" content="$upd">
</head><body class="page-article premium">
<div class="header__nav"><a>Télécoms</a> <a>Logiciels</a> <a>Cyber</a> <a>Start-up</a> <a>Mon compte</a></div>
<main class="main main--premium"><section class="article article--premium">
<header class="article__header"><p class="article__kicker">$section · Réservé aux abonnés</p><h1 class="article__title">$title</h1>
<p class="article__desc">$lead</p><p class="meta__author">Par $author</p></header>
<section class="article__content paywall article__content--restricted">
$p0
$p1
</section>
<section class="paywall-content premium-content js-paywall">
$p2
$rest
</section>
<section class="paywall__cta"><p>Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous pour lire la suite.</p><p>Offre découverte : 1 € le premier mois, sans engagement.</p></section>
</section>
<section class="capping"><p>Vous lisez cet article sur un autre appareil en même temps : seul un écran peut être utilisé à la fois.</p></section>
</main><footer>L'Informé Tech · Groupe Informé · CGV</footer></body></html>""")

DRUPAL_LIRE_AUSSI = Template("""<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8">
<title>$title | Réseaux Pros</title><meta name="dcterms.date" content="$date">
<meta property="og:title" content="$title_attr"><meta property="og:site_name" content="Réseaux Pros">
<meta property="article:published_time" content="$date">
</head><body class="path-node page-node-type-article">
<div class="region region-header"><a href="/" rel="home">Réseaux Pros</a><nav><a>Actualités</a> <a>Livres blancs</a> <a>Webinars</a></nav></div>
<div class="region region-content"><article class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field--name-title">$title</span></h1>
<div class="node__meta"><span>$author</span>, le <span class="date-display-single">$date_short</span></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field__item">
$p0
<div class="lire-aussi"><span class="lire-aussi__label">Lire aussi</span><a href="/actualites/1">Les opérateurs accélèrent le déploiement de la fibre dans les zones rurales</a></div>
$p1
<p><strong>Lire aussi :</strong> <a href="/actualites/2">Wi-Fi 7 : les premiers points d'accès professionnels arrivent</a></p>
$p2
<p>À LIRE AUSSI &gt; <a href="/actualites/3">Datacenters : la consommation électrique inquiète le régulateur</a></p>
$rest
</div>
<div class="field field--name-field-tags"><div class="field__label">Mots-clés</div><a>réseaux</a> <a>entreprises</a></div>
</article>
<div class="view-articles-similaires"><h2>Sur le même sujet</h2><div class="views-row"><p>Le SD-WAN séduit désormais les collectivités territoriales de taille moyenne</p></div></div></div>
<footer class="region-footer">Réseaux Pros · Plan du site · Contact</footer></body></html>""")

BYLINE_ONLY = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title - Silicon Hebdo</title></head>
<body><div id="haut"><a href="/">Silicon Hebdo</a> <span>Cloud</span> <span>Data</span> <span>Sécurité</span> <span>Emploi IT</span></div>
<div id="page"><div class="colonne-principale">
<h1>$title</h1>
<div class="signature">Par <b>$author</b> | Publié le $date_fr à $hm | Mis à jour le $upd_fr</div>
<div class="corps-article">
$p0
$p1
$rest2
</div>
<div class="autres-articles"><h3>Dans la même rubrique</h3>
<div class="item"><a>Le marché des PC professionnels repart à la hausse</a> <span>Le 03/01/2023</span></div>
<div class="item"><a>Les éditeurs de logiciels revoient leurs grilles tarifaires</a> <span>Le 12/12/2022</span></div></div>
</div></div><div id="pied">Silicon Hebdo © 2025 - Tous droits réservés</div></body></html>""")

RELATED_TIMES = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title - Le Fil Tech</title>
<meta property="og:site_name" content="Le Fil Tech"></head><body>
<div class="fil-info"><h2>Le fil info</h2><ul>
<li><time datetime="2023-02-10T08:00:00+01:00">10:00</time> <a>Une panne géante touche un hébergeur européen</a></li>
<li><time datetime="2023-02-09T17:30:00+01:00">hier</time> <a>Un nouveau smartphone pliable à moins de 1 000 euros</a></li></ul></div>
<div class="colonne"><h1 class="titre">$title</h1>
<div class="infos"><span class="auteur">$author</span> · <time datetime="$date">$date_fr</time></div>
<div class="texte-article">
$p0
$p1
$rest2
</div>
<div class="encadre"><h3>Nos derniers articles</h3><div><time datetime="2023-01-05T09:00:00+01:00">5 janvier 2023</time> Les ventes de serveurs ralentissent en Europe</div></div>
</div><div class="bas">Le Fil Tech · Qui sommes-nous ?</div></body></html>""")

OG_TITLE = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>$title - Tech &amp; Décideurs</title>
<meta property="og:title" content="$og_short"><meta name="twitter:title" content="$og_short">
<meta property="og:site_name" content="Tech &amp; Décideurs"><meta property="article:published_time" content="$date">
</head><body><header><nav><a>Décideurs</a> <a>Innovation</a> <a>Agenda</a></nav></header>
<main><div class="article-wrapper"><h1 class="article-headline">$title</h1><p class="chapo">$lead</p>
<div class="article-text">
$p0
$p1
$rest2
</div></div>
<aside class="popular"><h3>Les plus populaires</h3><p>Les directions juridiques s'emparent de l'IA générative</p></aside></main>
<footer>Tech &amp; Décideurs · Publicité · Nous contacter</footer></body></html>""")

AMP = Template("""<!doctype html><html amp lang="fr"><head><meta charset="utf-8">
<title>$title - Numérique Mag</title><link rel="canonical" href="https://numeriquemag.example/$slug.html">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"$title_json","datePublished":"$date","dateModified":"$upd","author":[{"@type":"Person","name":"$author"}],"publisher":{"@type":"Organization","name":"Numérique Mag"}}</script>
<style amp-custom>body{font-family:sans-serif}</style></head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li>Accueil</li><li>Mobiles</li><li>Auto connectée</li><li>Bons plans</li></ul></amp-sidebar>
<header class="amp-wp-header"><div>Numérique Mag</div></header>
<article class="amp-wp-article"><header class="amp-wp-article-header"><h1 class="amp-wp-title">$title</h1>
<div class="amp-wp-meta amp-wp-byline">$author</div><div class="amp-wp-meta amp-wp-posted-on"><time datetime="$date">$date_fr</time></div></header>
<div class="amp-wp-article-content">
$p0
<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/article"><div fallback>Publicité : découvrez nos offres partenaires</div></amp-ad>
$p1
<amp-img src="/img/photo.jpg" width="800" height="450" layout="responsive" alt="illustration"></amp-img>
$rest2
</div>
<footer class="amp-wp-article-footer"><div class="amp-wp-tax-tag">Tags : mobiles, entreprises</div>
<amp-social-share type="twitter"></amp-social-share><div class="amp-share-label">Partager sur les réseaux sociaux</div></footer></article>
<footer class="amp-wp-footer"><p>Numérique Mag · Version mobile · Retour en haut</p></footer></body></html>""")

COMMENTS = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title | Forum Pro IT</title>
<meta property="og:title" content="$title_attr"><meta property="article:published_time" content="$date"></head>
<body class="single content--comments-enabled"><div class="wrapper">
<article class="content content--comments-enabled post-full"><h1>$title</h1><div class="byline">$author</div>
<div class="content__body">
$p0
$p1
$rest2
</div></article>
<section id="comments" class="comments"><h2>47 commentaires</h2>
<div class="comment"><div class="comment-author">Bertrand_SI</div><div class="comment-body"><p>J'ai vécu exactement cette situation dans mon ancienne entreprise : la direction annonçait une transformation, mais les équipes opérationnelles n'ont jamais reçu le budget promis, et au bout de deux ans rien n'avait vraiment changé dans les outils du quotidien.</p>
<p>Le vrai sujet, à mon avis, c'est la dette technique accumulée depuis quinze ans sur des applications que plus personne ne sait maintenir, et aucun communiqué de presse ne règlera ce problème à court terme.</p></div></div>
<div class="comment"><div class="comment-author">Marion.R</div><div class="comment-body"><p>Je ne partage pas ce pessimisme : chez notre client, le passage à une organisation par produits a réellement accéléré les mises en production, avec des livraisons toutes les deux semaines au lieu de deux fois par an auparavant.</p>
<p>Il faut simplement accepter une période d'apprentissage de plusieurs mois pendant laquelle la productivité baisse, ce que beaucoup de directions financières refusent d'entendre lors des arbitrages budgétaires.</p></div></div>
<div class="comment"><div class="comment-author">Yann42</div><div class="comment-body"><p>Quelqu'un a-t-il des retours chiffrés sur les coûts de licences après migration ? Les éditeurs parlent toujours d'économies, mais les factures que nous recevons depuis l'an dernier racontent une tout autre histoire pour notre service informatique.</p></div></div>
</section></div><footer>Forum Pro IT · Charte de modération</footer></body></html>""")

JSONLD_GRAPH = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title</title>
<script type="application/ld+json">[{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Accueil"},{"@type":"ListItem","position":2,"name":"$section"}]},
{"@context":"https://schema.org","@type":"ItemList","itemListElement":[{"@type":"ListItem","position":1,"item":{"@type":"NewsArticle","headline":"Les ventes de licences cloud ralentissent au troisième trimestre","datePublished":"2022-11-02T10:00:00+01:00","author":{"@type":"Person","name":"Rédaction"}}}]},
{"@context":"https://schema.org","@type":"NewsArticle","headline":"$title_json","datePublished":"$date","dateModified":"$upd","author":{"@type":"Person","name":"$author"},"publisher":{"@type":"Organization","name":"Data Pro"}}]</script>
</head><body><div class="nav-top"><a>Data</a> <a>IA</a> <a>Cloud</a></div>
<div class="page-article"><h1>$title</h1><p class="lead">$lead</p>
<div class="article-body">
$p0
$p1
$rest2
</div>
<div class="bloc-related"><h3>À lire aussi</h3><p>Les ventes de licences cloud ralentissent au troisième trimestre</p></div></div>
<div class="footer">Data Pro · Mentions légales</div></body></html>""")

CP1252 = Template("""<html><head><title>$title – L’Hebdo Informatique</title>
<meta name="date" content="$date_day"></head><body>
<div id="menu"><a href="/">Accueil</a> · <a href="/actu">L’actu</a> · <a href="/dossiers">Dossiers</a> · <a href="/emploi">Emploi</a></div>
<div id="contenu"><h1>$title</h1><div class="auteur">$author – $date_short</div>
<div class="article">
$p0
<p>« $quote »</p>
$p1
$rest2
</div>
<div class="voir-aussi">Voir aussi : « Les SSII françaises recrutent à nouveau » – 15 € le numéro papier</div></div>
<div id="bas">L’Hebdo Informatique – Reproduction interdite – Œuvre protégée</div></body></html>""")

SPLIT_INLINE = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title - Journal de l'Usine Numérique</title>
<meta property="og:title" content="$title_attr - Journal de l'Usine Numérique"><meta property="og:site_name" content="Journal de l'Usine Numérique">
<meta property="article:published_time" content="$date"></head><body>
<div class="menu-principal"><a>Industrie 4.0</a> <a>Cybersécurité</a> <a>Start-up</a></div>
<div class="article-container"><h1 class="article-title">$title</h1><div class="article-meta">$author</div>
<div class="article-content">
$p0
<figure class="article-figure"><img src="/usine.jpg" alt=""><figcaption>Une ligne de production automatisée près de Lyon. (Crédit photo : Adobe Stock)</figcaption></figure>
$p1
<div class="ad ad-inread"><span class="ad-label">Publicité</span><div class="ad-slot">Le salon des décideurs industriels revient à Paris, inscrivez-vous dès maintenant</div></div>
$p2
<div class="video-sponsorisee"><p>Vidéo sponsorisée : comment les PME adoptent les robots collaboratifs</p></div>
<figure><img src="/graph.png" alt=""><figcaption>Photo : D.R.</figcaption></figure>
$rest
</div>
<div class="newsletter-inline"><p>Recevez chaque matin l'essentiel de l'actualité industrielle dans votre boîte mail.</p></div>
</div><div class="pied-de-page">Journal de l'Usine Numérique · Abonnements · Publicité</div></body></html>""")

REAL_LAYOUTS = {
    "wp_share": WP_SHARE, "paywall": PAYWALL, "drupal_lire_aussi": DRUPAL_LIRE_AUSSI, "byline_only": BYLINE_ONLY,
    "related_times": RELATED_TIMES, "og_title": OG_TITLE, "amp": AMP, "comments": COMMENTS,
    "jsonld_graph": JSONLD_GRAPH, "cp1252": CP1252, "split_inline": SPLIT_INLINE,
}  # fmt: skip
REAL_BOILERPLATE = {
    "wp_share": ["Partager sur Facebook", "imprimantes 3D professionnelles", "meilleurs écrans pour le télétravail",
                 "Guides d'achat", "tablettes durcies", "Gérer mes cookies"],
    "paywall": ["réservé aux abonnés. Déjà abonné", "Offre découverte", "seul un écran peut être utilisé", "Mon compte"],
    "drupal_lire_aussi": ["fibre dans les zones rurales", "premiers points d'accès professionnels",
                          "consommation électrique inquiète", "SD-WAN séduit", "Plan du site", "Webinars"],
    "byline_only": ["PC professionnels repart", "revoient leurs grilles tarifaires", "Tous droits réservés", "Emploi IT"],
    "related_times": ["panne géante touche", "smartphone pliable", "ventes de serveurs ralentissent", "Qui sommes-nous"],
    "og_title": ["directions juridiques s'emparent", "Nous contacter"],
    "amp": ["découvrez nos offres partenaires", "Partager sur les réseaux sociaux", "Retour en haut", "Auto connectée"],
    "comments": ["dette technique accumulée", "pessimisme", "retours chiffrés sur les coûts", "Charte de modération"],
    "jsonld_graph": ["licences cloud ralentissent", "Mentions légales"],
    "cp1252": ["SSII françaises recrutent", "Reproduction interdite", "L’actu"],
    "split_inline": ["ligne de production automatisée", "salon des décideurs industriels", "robots collaboratifs",
                     "Photo : D.R.", "Recevez chaque matin", "Industrie 4.0"],
}  # fmt: skip
NO_CHARSET = {"cp1252"}  # served as windows-1252 with no charset in the header nor the page
