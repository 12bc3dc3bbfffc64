import type postgres from 'postgres';
import { firstNames, lastNames, phrases, products, RARE_EVERY, rareWords } from './phrases';

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(literal).join(', ')}]`;

// Crockford base32 without I, L, O, U, as the product's references.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Session-local (pg_temp) functions that make every generated value a pure function of a
 * conversation or contact number: the conversation's summary columns (last message, preview,
 * unread) then agree with its messages without a second pass over the table.
 */
export async function createGeneratorFunctions(sql: postgres.Sql): Promise<void> {
  const languages = [phrases.es, phrases.en, phrases.pt];
  const phraseMatrix = `array[${languages.map(textArray).join(', ')}]`;
  const perLanguage = phrases.es.length;
  await sql.unsafe(`
    create function pg_temp.h(x bigint) returns bigint language sql immutable parallel safe
      as $$ select hashint8(x)::bigint & 2147483647 $$;

    -- A version-4 shaped uuid from a name, so a row's id follows from its number.
    create function pg_temp.id_of(name text) returns uuid language sql immutable parallel safe
      as $$ select (substr(m, 1, 12) || '4' || substr(m, 14, 3) || '8' || substr(m, 18))::uuid
            from md5(name) m $$;

    -- A contact's channel: 0 WhatsApp Spain, 1 WhatsApp Brazil, 2 SMS, 3 email, 4 web chat.
    create function pg_temp.inbox_of(n bigint) returns int language sql immutable parallel safe
      as $$ select case when n % 10 < 3 then 0 when n % 10 < 5 then 1 when n % 10 < 7 then 2
                        when n % 10 < 9 then 3 else 4 end $$;

    -- 0 Spanish, 1 English, 2 Portuguese.
    create function pg_temp.lang_of(n bigint) returns int language sql immutable parallel safe
      as $$ select case pg_temp.inbox_of(n) when 0 then 0 when 1 then 2 when 2 then 1
                        when 3 then ((n / 10) % 2)::int else ((n / 10) % 3)::int end $$;

    create function pg_temp.person(n bigint) returns text language sql immutable parallel safe
      as $$ select (${textArray(firstNames)})[1 + pg_temp.h(n) % ${firstNames.length}] || ' ' ||
                   (${textArray(lastNames)})[1 + (pg_temp.h(n) >> 8) % ${lastNames.length}] $$;

    create function pg_temp.reference(k bigint) returns text language sql immutable parallel safe
      as $$ select 'SB-' || string_agg(substr('${ALPHABET}',
                     ((((k * 1103515245 + 12345) % 33554432) >> (5 * i)) & 31)::int + 1, 1), ''
                     order by i desc)
            from generate_series(0, 4) i $$;

    -- Message j of conversation k: two phrases of the contact's language, a product, now and
    -- then an order number, and rarely one of the rare words.
    create function pg_temp.msg_text(k bigint, j int, lang int) returns text
      language sql immutable parallel safe as $$
      select (${phraseMatrix})[lang + 1][1 + (x >> 3) % ${perLanguage}] || '. ' ||
             (${phraseMatrix})[lang + 1][1 + (x >> 9) % ${perLanguage}] || ' (' ||
             (${textArray(products)})[1 + (x >> 15) % ${products.length}] || ')' ||
             case when (x >> 20) % 7 = 0 then ' #' || (100000 + (x >> 4) % 900000) else '' end ||
             case when x % ${RARE_EVERY} = 7
               then '. ' || (${textArray(rareWords)})[1 + (x >> 12) % ${rareWords.length}] else '' end
      from (select pg_temp.h(k * 64 + j) as x) v $$;
  `);
}
