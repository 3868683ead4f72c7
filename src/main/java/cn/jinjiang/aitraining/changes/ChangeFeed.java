package cn.jinjiang.aitraining.changes;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * /changes.atom: the newest published changes as an Atom 1.0 feed (RFC 4287), written by ROME.
 *
 * <p>Ids are tag URIs (RFC 4151) made of the site's host name and the audit entry's id
 * ({@code tag:example.org,2025:change-42}): they stay the same across restarts, ports and languages,
 * so a reader never sees an entry twice. The feed's {@code updated} is the newest change's time.
 */
public final class ChangeFeed {
    /** Entries in the feed: the newest changes. */
    public static final int SIZE = 50;
    /** The date in the tag URIs: the year this dashboard started minting them. */
    private static final String TAG_DATE = "2025";
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";

    private ChangeFeed() {}

    /**
     * Writes the feed of {@code changes} (newest first) in {@code lang}; links are absolute, made
     * from {@code origin} ({@code https://host}).
     */
    public static void write(List<PublicChange> changes, Optional<Instant> lastPublished, Lang lang, String origin,
                             OutputStream out) throws IOException {
        String suffix = lang.isZh() ? "" : "?lang=" + lang.code();
        String host = host(origin);
        Feed feed = new Feed("atom_1.0");
        feed.setId("tag:" + host + "," + TAG_DATE + ":changes");
        feed.setTitle(Messages.get(lang, "changes.feed.title"));
        feed.setSubtitle(text(Messages.get(lang, "changes.intro")));
        feed.setLanguage(lang.htmlLang());
        // A feed with no change yet is as old as the curated data's publication.
        feed.setUpdated(Date.from(lastPublished.orElse(CURATED)));
        feed.setAlternateLinks(List.of(link("alternate", origin + "/changes" + suffix, "text/html", lang)));
        feed.setOtherLinks(List.of(link("self", origin + "/changes.atom" + suffix, "application/atom+xml", lang)));
        Person publisher = new Person();
        publisher.setName(Messages.get(lang, "meta.site_name"));
        publisher.setUri(origin + "/");
        feed.setAuthors(List.of(publisher));
        List<Entry> entries = new ArrayList<>(changes.size());
        for (PublicChange c : changes) entries.add(entry(c, host, origin, suffix, lang));
        feed.setEntries(entries);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            new WireFeedOutput().output(feed, writer, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the changes feed", e);
        }
        writer.flush();
    }

    /** The date of the curated newspaper page (2025-05-19, Beijing time): the data's first publication. */
    static final Instant CURATED = Instant.parse("2025-05-18T16:00:00Z");

    private static Entry entry(PublicChange c, String host, String origin, String suffix, Lang lang) {
        Entry e = new Entry();
        e.setId("tag:" + host + "," + TAG_DATE + ":change-" + c.id());
        e.setTitle(title(c, lang));
        Date at = Date.from(c.occurredAt());
        e.setUpdated(at);
        e.setPublished(at);
        String page = c.path() != null ? origin + c.path() + suffix : origin + "/changes" + suffix + "#" + c.anchor();
        e.setAlternateLinks(List.of(link("alternate", page, "text/html", lang)));
        e.setSummary(text(summary(c, lang)));
        return e;
    }

    /** "更正：AI专题辅导讲座 7期" / "Correction: AI lectures 7 lectures". */
    static String title(PublicChange c, Lang lang) {
        String value = c.value(lang);
        return Messages.get(lang, c.kind().messageKey()) + Messages.get(lang, "changes.separator") + c.label(lang)
                + (value == null || value.isBlank() ? "" : " " + value);
    }

    private static String summary(PublicChange c, Lang lang) {
        StringBuilder b = new StringBuilder(Messages.get(lang, "changes.feed.on", c.dateText(lang)));
        String replaced = c.replaced(lang);
        if (replaced != null) b.append(' ').append(Messages.get(lang, "changes.replaced", replaced));
        if (c.hasNote()) b.append(' ').append(Messages.get(lang, "changes.note", c.publicNote()));
        return b.toString();
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String href, String type, Lang lang) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setHreflang(lang.htmlLang());
        return link;
    }

    /** The host name of an origin, without a port: the tag URIs' authority. */
    static String host(String origin) {
        String host = URI.create(origin).getHost();
        if (host == null || host.isBlank()) return "localhost";
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
