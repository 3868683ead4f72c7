package cn.jinjiang.aitraining.i18n;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI strings from {@code i18n/messages_*.properties} (UTF-8). */
public final class Messages {
    private static final String BUNDLE = "i18n.messages";

    private Messages() {}

    public static ResourceBundle bundle(Lang lang) {
        return ResourceBundle.getBundle(BUNDLE, lang.locale(), NoFallback.INSTANCE);
    }

    public static String get(Lang lang, String key, Object... args) {
        try {
            String pattern = bundle(lang).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, lang.locale()).format(args);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    /** Never fall back to the JVM's default locale: zh and en bundles are both complete. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();
        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}
