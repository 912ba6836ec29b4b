import type { Config } from 'tailwindcss';

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#eef4ff',
          100: '#dbe7ff',
          400: '#7c9cff',
          500: '#3b6cf6',
          600: '#2a55d8',
          700: '#2243ab',
        },
      },
    },
  },
} satisfies Config;
