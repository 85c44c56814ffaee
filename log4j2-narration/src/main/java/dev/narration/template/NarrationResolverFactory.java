package dev.narration.template;

import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;

/**
 * Registers the {@code narration} resolver with {@code JsonTemplateLayout}, so existing templates can add
 * narration fields: {@code {"$resolver": "narration", "field": "actor"}}. See {@link NarrationResolver}.
 */
@Plugin(name = "NarrationResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class NarrationResolverFactory implements EventResolverFactory {
    private static final NarrationResolverFactory INSTANCE = new NarrationResolverFactory();

    private NarrationResolverFactory() {}

    @PluginFactory
    public static NarrationResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return NarrationResolver.NAME;
    }

    @Override
    public NarrationResolver create(final EventResolverContext context, final TemplateResolverConfig config) {
        return NarrationResolver.create(config);
    }
}
