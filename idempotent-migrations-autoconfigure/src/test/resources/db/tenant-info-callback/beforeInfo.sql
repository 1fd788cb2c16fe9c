INSERT INTO public.info_calls VALUES ('${tenant}');
