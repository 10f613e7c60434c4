/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CRC-32 of PNG chunks (and zlib, gzip), computed with carry-less multiplication where the processor has it. */

/*
 * A warm thumbnail is some 200 KB of PNG whose every chunk carries a
 * CRC-32; computed with tables, as zlib does, it cost as much as all
 * the rest of reading the thumbnail. On x86-64 processors with
 * PCLMULQDQ (Intel's since 2010, AMD's since 2011), 64 bytes are folded
 * at a time into four 128-bit lanes, which are then folded into one and
 * reduced to 32 bits, as in Gopal et al., "Fast CRC Computation for
 * Generic Polynomials Using PCLMULQDQ Instruction" (Intel, 2009), with
 * the constants of its bit-reflected CRC-32: some five times faster.
 * Processors with VPCLMULQDQ and AVX2 (Intel's since 2019, AMD's since
 * 2020) fold two lanes per instruction, 128 bytes at a time, which
 * halves that again, and those with AVX-512 too four lanes, 256 bytes
 * at a time: the CRC of a thumbnail's pixels is otherwise a tenth of
 * what a warm hit costs. Elsewhere, and for what is left of a buffer,
 * eight tables take eight bytes at a time.
 */

#include "config.h"

#include "vt-crc32.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_CLMUL 1
#endif

/* The bit-reflected polynomial of CRC-32: x^32 + x^26 + ... + 1. */
#define POLYNOMIAL 0xedb88320u

static guint32 tables[8][256];

static void
init_tables (void)
{
  for (guint i = 0; i < 256; i++)
    {
      guint32 c = i;

      for (int k = 0; k < 8; k++)
        c = c & 1 ? (c >> 1) ^ POLYNOMIAL : c >> 1;
      tables[0][i] = c;
    }
  for (guint i = 0; i < 256; i++)
    for (int t = 1; t < 8; t++)
      tables[t][i] = (tables[t - 1][i] >> 8) ^ tables[0][tables[t - 1][i] & 0xff];
}

/* @reg is the CRC register (the CRC inverted). */
static guint32
crc32_tables (guint32       reg,
              const guchar *p,
              gsize         length)
{
  while (length >= 8)
    {
      guint32 low = reg ^ ((guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24);
      guint32 high = (guint32) p[4] | (guint32) p[5] << 8 | (guint32) p[6] << 16 | (guint32) p[7] << 24;

      reg = tables[7][low & 0xff] ^ tables[6][(low >> 8) & 0xff] ^
            tables[5][(low >> 16) & 0xff] ^ tables[4][low >> 24] ^
            tables[3][high & 0xff] ^ tables[2][(high >> 8) & 0xff] ^
            tables[1][(high >> 16) & 0xff] ^ tables[0][high >> 24];
      p += 8;
      length -= 8;
    }
  while (length-- > 0)
    reg = (reg >> 8) ^ tables[0][(reg ^ *p++) & 0xff];
  return reg;
}

#ifdef HAVE_CLMUL
/* x^(4*128+32) and x^(4*128-32) mod P, reflected: folding 64 bytes */
#define FOLD_64_LOW  0x0154442bd4
#define FOLD_64_HIGH 0x01c6e41596

/* Goes on from four 128-bit lanes, the last 64 bytes folded, over the
 * @length bytes at @p (a multiple of 16) to the CRC register. */
static inline __attribute__ ((always_inline, target ("pclmul,sse4.1"))) guint32
crc32_clmul_lanes (__m128i       x1,
                   __m128i       x2,
                   __m128i       x3,
                   __m128i       x4,
                   const guchar *p,
                   gsize         length)
{
  const __m128i fold4 = _mm_set_epi64x (FOLD_64_HIGH, FOLD_64_LOW);
  /* x^(128+32) and x^(128-32) mod P: folding 16 bytes */
  const __m128i fold1 = _mm_set_epi64x (0x00ccaa009e, 0x01751997d0);
  /* x^64 mod P: 64 bits to 32 */
  const __m128i fold64 = _mm_set_epi64x (0, 0x0163cd6124);
  /* P and floor(x^64 / P), reflected: Barrett's reduction */
  const __m128i barrett = _mm_set_epi64x (0x01f7011641, 0x01db710641);
  const __m128i low32 = _mm_setr_epi32 (~0, 0, ~0, 0);
  __m128i t;

  while (length >= 64)
    {
      __m128i t1 = _mm_clmulepi64_si128 (x1, fold4, 0x00);
      __m128i t2 = _mm_clmulepi64_si128 (x2, fold4, 0x00);
      __m128i t3 = _mm_clmulepi64_si128 (x3, fold4, 0x00);
      __m128i t4 = _mm_clmulepi64_si128 (x4, fold4, 0x00);

      x1 = _mm_clmulepi64_si128 (x1, fold4, 0x11);
      x2 = _mm_clmulepi64_si128 (x2, fold4, 0x11);
      x3 = _mm_clmulepi64_si128 (x3, fold4, 0x11);
      x4 = _mm_clmulepi64_si128 (x4, fold4, 0x11);
      x1 = _mm_xor_si128 (_mm_xor_si128 (x1, t1), _mm_loadu_si128 ((const __m128i *) (p + 0)));
      x2 = _mm_xor_si128 (_mm_xor_si128 (x2, t2), _mm_loadu_si128 ((const __m128i *) (p + 16)));
      x3 = _mm_xor_si128 (_mm_xor_si128 (x3, t3), _mm_loadu_si128 ((const __m128i *) (p + 32)));
      x4 = _mm_xor_si128 (_mm_xor_si128 (x4, t4), _mm_loadu_si128 ((const __m128i *) (p + 48)));
      p += 64;
      length -= 64;
    }

  /* Four lanes into one */
  t = _mm_clmulepi64_si128 (x1, fold1, 0x00);
  x1 = _mm_xor_si128 (_mm_xor_si128 (_mm_clmulepi64_si128 (x1, fold1, 0x11), t), x2);
  t = _mm_clmulepi64_si128 (x1, fold1, 0x00);
  x1 = _mm_xor_si128 (_mm_xor_si128 (_mm_clmulepi64_si128 (x1, fold1, 0x11), t), x3);
  t = _mm_clmulepi64_si128 (x1, fold1, 0x00);
  x1 = _mm_xor_si128 (_mm_xor_si128 (_mm_clmulepi64_si128 (x1, fold1, 0x11), t), x4);

  while (length >= 16)
    {
      t = _mm_clmulepi64_si128 (x1, fold1, 0x00);
      x1 = _mm_xor_si128 (_mm_xor_si128 (_mm_clmulepi64_si128 (x1, fold1, 0x11), t),
                          _mm_loadu_si128 ((const __m128i *) p));
      p += 16;
      length -= 16;
    }

  /* 128 bits to 64 */
  t = _mm_clmulepi64_si128 (x1, fold1, 0x10);
  x1 = _mm_xor_si128 (_mm_srli_si128 (x1, 8), t);
  /* 64 bits to 32 */
  t = _mm_srli_si128 (x1, 4);
  x1 = _mm_clmulepi64_si128 (_mm_and_si128 (x1, low32), fold64, 0x00);
  x1 = _mm_xor_si128 (x1, t);
  /* Barrett's reduction to the remainder */
  t = _mm_clmulepi64_si128 (_mm_and_si128 (x1, low32), barrett, 0x10);
  t = _mm_clmulepi64_si128 (_mm_and_si128 (t, low32), barrett, 0x00);
  x1 = _mm_xor_si128 (x1, t);

  return (guint32) _mm_extract_epi32 (x1, 1);
}

/* @reg is the CRC register; @length at least 64 and a multiple of 16. */
__attribute__ ((target ("pclmul,sse4.1")))
static guint32
crc32_clmul (guint32       reg,
             const guchar *p,
             gsize         length)
{
  __m128i x1 = _mm_loadu_si128 ((const __m128i *) (p + 0));
  __m128i x2 = _mm_loadu_si128 ((const __m128i *) (p + 16));
  __m128i x3 = _mm_loadu_si128 ((const __m128i *) (p + 32));
  __m128i x4 = _mm_loadu_si128 ((const __m128i *) (p + 48));

  x1 = _mm_xor_si128 (x1, _mm_cvtsi32_si128 ((int) reg));
  return crc32_clmul_lanes (x1, x2, x3, x4, p + 64, length - 64);
}

/* Folds @x, in each of its two lanes, over the distance of @fold into @data. */
#define FOLD_256(x, fold, data) \
  _mm256_xor_si256 (_mm256_xor_si256 (_mm256_clmulepi64_epi128 ((x), (fold), 0x00), \
                                      _mm256_clmulepi64_epi128 ((x), (fold), 0x11)), \
                    (data))

/* @reg is the CRC register; @length at least 128 and a multiple of 16.
 * Four registers of two lanes each take 128 bytes at a time, then fold
 * into the four lanes of the last 64 bytes, for crc32_clmul_lanes (). */
__attribute__ ((target ("vpclmulqdq,avx2,pclmul,sse4.1")))
static guint32
crc32_vpclmul (guint32       reg,
               const guchar *p,
               gsize         length)
{
  /* x^(8*128+32) and x^(8*128-32) mod P, in each lane: folding 128 bytes */
  const __m256i fold8 = _mm256_set_epi64x (0x014a7fe880, 0x01e88ef372, 0x014a7fe880, 0x01e88ef372);
  const __m256i fold4 = _mm256_set_epi64x (FOLD_64_HIGH, FOLD_64_LOW, FOLD_64_HIGH, FOLD_64_LOW);
  __m256i y1 = _mm256_loadu_si256 ((const __m256i *) (p + 0));
  __m256i y2 = _mm256_loadu_si256 ((const __m256i *) (p + 32));
  __m256i y3 = _mm256_loadu_si256 ((const __m256i *) (p + 64));
  __m256i y4 = _mm256_loadu_si256 ((const __m256i *) (p + 96));

  y1 = _mm256_xor_si256 (y1, _mm256_zextsi128_si256 (_mm_cvtsi32_si128 ((int) reg)));
  p += 128;
  length -= 128;

  while (length >= 128)
    {
      y1 = FOLD_256 (y1, fold8, _mm256_loadu_si256 ((const __m256i *) (p + 0)));
      y2 = FOLD_256 (y2, fold8, _mm256_loadu_si256 ((const __m256i *) (p + 32)));
      y3 = FOLD_256 (y3, fold8, _mm256_loadu_si256 ((const __m256i *) (p + 64)));
      y4 = FOLD_256 (y4, fold8, _mm256_loadu_si256 ((const __m256i *) (p + 96)));
      p += 128;
      length -= 128;
    }

  /* The first 64 bytes onto the last 64 */
  y3 = FOLD_256 (y1, fold4, y3);
  y4 = FOLD_256 (y2, fold4, y4);

  return crc32_clmul_lanes (_mm256_castsi256_si128 (y3), _mm256_extracti128_si256 (y3, 1),
                            _mm256_castsi256_si128 (y4), _mm256_extracti128_si256 (y4, 1),
                            p, length);
}

/* The same over the four lanes of a 512-bit register. */
#define FOLD_512(x, fold, data) \
  _mm512_ternarylogic_epi64 (_mm512_clmulepi64_epi128 ((x), (fold), 0x00), \
                             _mm512_clmulepi64_epi128 ((x), (fold), 0x11), (data), 0x96)

/* @reg is the CRC register; @length at least 256 and a multiple of 16.
 * Four registers of four lanes each take 256 bytes at a time, then fold
 * into the four lanes of the last 64 bytes, for crc32_clmul_lanes (). */
__attribute__ ((target ("vpclmulqdq,avx512f,avx2,pclmul,sse4.1")))
static guint32
crc32_vpclmul512 (guint32       reg,
                  const guchar *p,
                  gsize         length)
{
  /* x^(16*128+32) and x^(16*128-32) mod P, in each lane: folding 256 bytes */
  const __m512i fold16 = _mm512_broadcast_i32x4 (_mm_set_epi64x (0x01322d1430, 0x011542778a));
  const __m512i fold4 = _mm512_broadcast_i32x4 (_mm_set_epi64x (FOLD_64_HIGH, FOLD_64_LOW));
  __m512i z1 = _mm512_loadu_si512 (p + 0);
  __m512i z2 = _mm512_loadu_si512 (p + 64);
  __m512i z3 = _mm512_loadu_si512 (p + 128);
  __m512i z4 = _mm512_loadu_si512 (p + 192);

  z1 = _mm512_xor_si512 (z1, _mm512_zextsi128_si512 (_mm_cvtsi32_si128 ((int) reg)));
  p += 256;
  length -= 256;

  while (length >= 256)
    {
      z1 = FOLD_512 (z1, fold16, _mm512_loadu_si512 (p + 0));
      z2 = FOLD_512 (z2, fold16, _mm512_loadu_si512 (p + 64));
      z3 = FOLD_512 (z3, fold16, _mm512_loadu_si512 (p + 128));
      z4 = FOLD_512 (z4, fold16, _mm512_loadu_si512 (p + 192));
      p += 256;
      length -= 256;
    }

  /* Each 64 bytes onto the next */
  z2 = FOLD_512 (z1, fold4, z2);
  z3 = FOLD_512 (z2, fold4, z3);
  z4 = FOLD_512 (z3, fold4, z4);

  return crc32_clmul_lanes (_mm512_extracti32x4_epi32 (z4, 0), _mm512_extracti32x4_epi32 (z4, 1),
                            _mm512_extracti32x4_epi32 (z4, 2), _mm512_extracti32x4_epi32 (z4, 3),
                            p, length);
}
#endif

static gboolean have_clmul;
static gboolean have_vpclmul;
static gboolean have_vpclmul512;

static void
init_once (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      init_tables ();
#ifdef HAVE_CLMUL
      __builtin_cpu_init ();
      have_clmul = __builtin_cpu_supports ("pclmul") && __builtin_cpu_supports ("sse4.1");
      have_vpclmul = have_clmul && __builtin_cpu_supports ("vpclmulqdq") &&
                     __builtin_cpu_supports ("avx2");
      have_vpclmul512 = have_vpclmul && __builtin_cpu_supports ("avx512f");
#endif
      g_once_init_leave (&done, 1);
    }
}

guint32
vt_crc32 (guint32       crc,
          const guchar *data,
          gsize         length)
{
  guint32 reg = ~crc;

  init_once ();

#ifdef HAVE_CLMUL
  if (have_clmul && length >= 64)
    {
      gsize folded = length & ~(gsize) 15;

      if (have_vpclmul512 && folded >= 256)
        reg = crc32_vpclmul512 (reg, data, folded);
      else if (have_vpclmul && folded >= 128)
        reg = crc32_vpclmul (reg, data, folded);
      else
        reg = crc32_clmul (reg, data, folded);
      data += folded;
      length -= folded;
    }
#endif

  return ~crc32_tables (reg, data, length);
}
